// The build cache: one entry per converted document, found by a key over
// the document's bytes, its path, the resolved options (config, flags,
// formats, pinned date, reference document, extra fonts) and galley's
// version. The entry records every file the document read through the IO
// gate (images, found or not) with its sha256; it applies only while every
// one of those reads still gives the same result. Outputs are stored next to
// the entry, so deleted outputs are restored byte for byte.
//
// <cache>/v1/<key[0..2]>/<key>/entry.json   status, outputs, messages, reads
// <cache>/v1/<key[0..2]>/<key>/<format>     the output bytes
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { GateError, type Gate } from '../io/gate.js';
import { build, version } from '../version.js';
import type { MessageRecord } from './report.js';
import { writeAtomic } from './write.js';
import { sha256 } from './hash.js';

/** Changes when the entry layout changes, so old caches are simply not found. */
const layout = 'v1';

export const defaultCacheDir = path.join('node_modules', '.cache', 'galley');

export interface ReadRecord {
  /** Relative to the input root, `/` separators. */
  path: string;
  maxBytes: number;
  /** sha256 of the bytes read, or `error:<reason>` when the gate refused. */
  outcome: string;
}

export interface CacheEntry {
  key: string;
  status: 'converted' | 'failed';
  outputs: { format: string; bytes: number; sha256: string }[];
  messages: MessageRecord[];
  reads: ReadRecord[];
}

/** Thrown by `stableKeyOf` for values that cannot be part of a key (functions: custom handlers, emitters). */
export class NotCacheable extends Error {
  override name = 'NotCacheable';
}

/**
 * The options as canonical JSON: object keys sorted, dates as ISO strings,
 * bytes as their sha256. Functions cannot be compared, so they make the
 * options uncacheable (and keep the conversion in the calling thread).
 */
export function stableKeyOf(value: unknown): string {
  return JSON.stringify(canonical(value, new Set()));
}

function canonical(value: unknown, seen: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value === undefined) return undefined;
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new NotCacheable(`a ${typeof value} in the options`);
  }
  if (value instanceof Date) return { $date: value.toISOString() };
  if (value instanceof Uint8Array) return { $sha256: sha256(value) };
  if (seen.has(value as object)) throw new NotCacheable('a cycle in the options');
  seen.add(value as object);
  let result: unknown;
  if (Array.isArray(value)) result = value.map((item) => canonical(item, seen) ?? null);
  else {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) throw new NotCacheable('an object that is not plain data in the options');
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const item = canonical((value as Record<string, unknown>)[key], seen);
      if (item !== undefined) object[key] = item;
    }
    result = object;
  }
  seen.delete(value as object);
  return result;
}

/** The key of one document: the build's options key, its path and its bytes. */
export function documentKey(optionsKey: string, relative: string, bytes: Uint8Array): string {
  const hash = createHash('sha256');
  hash.update(`galley ${version}${build ? `+${build}` : ''} cache ${layout}\n`);
  hash.update(optionsKey).update('\n').update(relative).update('\n');
  hash.update(bytes);
  return hash.digest('hex');
}

export function entryDir(cacheDir: string, key: string): string {
  return path.join(cacheDir, layout, key.slice(0, 2), key);
}

/**
 * Stores an entry with a copy of each output file it lists (`files`: format
 * → path). Copies first, the entry last (atomically): an entry is only ever
 * found complete. Copies need no temporary name: each is checked against the
 * entry's sha256 before it is restored.
 */
export function storeEntry(dir: string, entry: CacheEntry, files: ReadonlyMap<string, string>): void {
  try {
    mkdirSync(dir, { recursive: true });
    for (const [format, file] of files) copyFileSync(file, path.join(dir, format));
    writeAtomic(path.join(dir, 'entry.json'), Buffer.from(JSON.stringify(entry) + '\n'));
  } catch {
    // A cache that cannot be written (read-only, full disk) only costs speed.
    rmSync(dir, { recursive: true, force: true });
  }
}

export function loadEntry(dir: string, key: string): CacheEntry | undefined {
  let entry: CacheEntry;
  try {
    entry = JSON.parse(readFileSync(path.join(dir, 'entry.json'), 'utf8')) as CacheEntry;
  } catch {
    return undefined;
  }
  if (entry.key !== key || !Array.isArray(entry.outputs) || !Array.isArray(entry.reads)) return undefined;
  return entry;
}

/**
 * Replays the reads an entry recorded through the current gate. Results are
 * kept per build (`memo`), so an image used by a thousand documents is
 * hashed once.
 */
export function readsStillHold(reads: readonly ReadRecord[], gate: Gate, root: string, memo: Map<string, string>): boolean {
  for (const read of reads) {
    const id = `${read.maxBytes}\0${read.path}`;
    let outcome = memo.get(id);
    if (outcome === undefined) {
      try {
        outcome = sha256(gate.read(path.resolve(root, read.path), read.maxBytes).bytes);
      } catch (error) {
        if (!(error instanceof GateError)) throw error;
        outcome = `error:${error.reason}`;
      }
      memo.set(id, outcome);
    }
    if (outcome !== read.outcome) return false;
  }
  return true;
}

/**
 * Puts an entry's output back in place unless the file there already has
 * its size. The stored bytes are checked against the entry's sha256 first.
 */
export function restoreOutput(dir: string, format: string, expected: { bytes: number; sha256: string }, target: string): 'kept' | 'restored' | 'missing' {
  try {
    if (statSync(target).size === expected.bytes) return 'kept';
  } catch {
    // Not there: restore it.
  }
  const blob = path.join(dir, format);
  let bytes: Buffer;
  try {
    bytes = readFileSync(blob);
  } catch {
    return 'missing';
  }
  if (bytes.length !== expected.bytes || sha256(bytes) !== expected.sha256) return 'missing';
  writeAtomic(target, bytes);
  return 'restored';
}

export function removeEntry(cacheDir: string, key: string): void {
  rmSync(entryDir(cacheDir, key), { recursive: true, force: true });
}
