// Bookmark names for heading ids. Word keeps a bookmark only if its name
// starts with a letter, holds letters, digits, `_` (and, from files, `-`),
// and is at most 40 characters long: it drops or cuts the others, which
// breaks the links to them. Ids that follow these rules are used as they
// are (so the bookmark is the HTML id); the others get a readable prefix of
// the id and a hash of all of it, which is stable from run to run.
import type { OutlineEntry } from '../../document.js';

const maxLength = 40;
const valid = /^\p{L}[\p{L}\p{N}_-]*$/u;

export function bookmarkNames(outline: readonly OutlineEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const { id } of outline) {
    if (!id || names.has(id)) continue;
    let name = bookmarkName(id);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${bookmarkName(id).slice(0, maxLength - String(n).length - 1)}_${n}`;
    used.add(name.toLowerCase());
    names.set(id, name);
  }
  return names;
}

export function bookmarkName(id: string): string {
  if (id.length <= maxLength && valid.test(id)) return id;
  const readable = id
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const prefix = /^[A-Za-z]/.test(readable) ? readable : `h_${readable}`;
  return `${prefix.slice(0, maxLength - 9)}_${fnv1a(id)}`;
}

/** 32-bit FNV-1a of the UTF-16 code units, as 8 hex digits. */
function fnv1a(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
