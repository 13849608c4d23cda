// Reads the documented front matter keys into `Meta`. A key with the wrong
// type is reported and ignored; unknown keys stay in `frontMatter`.
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Author, Layout, Meta } from '../document.js';
import { defaultLanguage, detectLanguage, directionOf, isLanguageTag } from './language.js';

/** Choices made outside the document: overrides beat front matter, defaults do not. */
export interface MetaChoice {
  toc?: boolean | undefined;
}

type Warn = (key: string, expected: string) => void;

/** Where a language can come from besides the text, by precedence. */
export interface LanguageOptions {
  /** From a flag: beats front matter. */
  override?: string | undefined;
  /** From the config file: beats detection. */
  fallback?: string | undefined;
}

/** Language and direction: needed before typography runs. */
export function resolveLanguage(
  tree: Root,
  frontMatter: Record<string, unknown>,
  warn: Warn,
  options: LanguageOptions = {},
): Pick<Meta, 'lang' | 'langSource' | 'dir'> {
  let declared = text(frontMatter.lang, 'lang', warn);
  if (declared && !isLanguageTag(declared)) {
    warn('lang', 'a language tag such as "fr" or "en-GB"');
    declared = undefined;
  }
  const chosen = options.override ?? declared ?? options.fallback;
  const detected = chosen ? undefined : detectLanguage(tree);
  const lang = chosen ?? detected ?? defaultLanguage;
  const langSource: Meta['langSource'] = chosen ? 'declared' : detected ? 'detected' : 'default';
  let dir = directionOf(lang);
  const dirValue = frontMatter.dir;
  if (dirValue === 'ltr' || dirValue === 'rtl') dir = dirValue;
  else if (dirValue !== undefined) warn('dir', '"ltr" or "rtl"');
  return { lang, langSource, dir };
}

/** Everything else, read after typography so titles carry smart punctuation. */
export function resolveMeta(
  tree: Root,
  file: VFile,
  frontMatter: Record<string, unknown>,
  language: Pick<Meta, 'lang' | 'langSource' | 'dir'>,
  warn: Warn,
  overrides: MetaChoice,
  defaults: MetaChoice,
): Meta {
  const declaredTitle = text(frontMatter.title, 'title', warn);
  const headingTitle = declaredTitle ? undefined : titleFromHeadings(tree);
  const fileName = file.path ? path.basename(file.path, path.extname(file.path)) : 'Untitled';
  const meta: Meta = {
    title: declaredTitle ?? headingTitle ?? fileName,
    titleSource: declaredTitle ? 'front-matter' : headingTitle ? 'heading' : 'file-name',
    authors: authors(frontMatter.authors ?? frontMatter.author, warn),
    ...language,
    keywords: keywords(frontMatter.keywords, warn),
    toc: overrides.toc ?? bool(frontMatter.toc, 'toc', warn) ?? defaults.toc ?? false,
    layout: layout(frontMatter, warn),
  };
  const subtitle = text(frontMatter.subtitle, 'subtitle', warn);
  if (subtitle) meta.subtitle = subtitle;
  const date = text(frontMatter.date, 'date', warn);
  if (date) meta.date = date;
  const description = text(frontMatter.description ?? frontMatter.abstract, 'description', warn);
  if (description) meta.description = description;
  return meta;
}

function titleFromHeadings(tree: Root): string | undefined {
  let first: Heading | undefined;
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    if (node.depth === 1) return nonEmpty(toString(node));
    first ??= node;
  }
  return first ? nonEmpty(toString(first)) : undefined;
}

function nonEmpty(value: string): string | undefined {
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}

function text(value: unknown, key: string, warn: Warn): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return nonEmpty(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  warn(key, 'text');
  return undefined;
}

function bool(value: unknown, key: string, warn: Warn): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  warn(key, 'true or false');
  return undefined;
}

function authors(value: unknown, warn: Warn): Author[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const result: Author[] = [];
  for (const item of list) {
    if (typeof item === 'string' && item.trim()) result.push({ name: item.trim() });
    else if (item && typeof item === 'object' && typeof (item as Record<string, unknown>).name === 'string') {
      const record = item as Record<string, unknown>;
      const author: Author = { name: String(record.name).trim() };
      if (typeof record.email === 'string') author.email = record.email;
      if (typeof record.affiliation === 'string') author.affiliation = record.affiliation;
      result.push(author);
    } else warn('author', 'a name, a list of names, or a list of {name, email, affiliation}');
  }
  return result;
}

function keywords(value: unknown, warn: Warn): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(',').map((k) => k.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((k) => typeof k === 'string' || typeof k === 'number')) {
    return value.map((k) => String(k).trim()).filter(Boolean);
  }
  warn('keywords', 'a list of words or a comma-separated string');
  return [];
}

function layout(frontMatter: Record<string, unknown>, warn: Warn): Layout {
  const result: Layout = {};
  const papersize = text(frontMatter.papersize, 'papersize', warn);
  if (papersize) result.papersize = papersize.toLowerCase();
  const margin = frontMatter.margin;
  if (typeof margin === 'string' || typeof margin === 'number') result.margin = String(margin);
  else if (margin && typeof margin === 'object' && !Array.isArray(margin)) {
    const sides: Record<string, string> = {};
    for (const side of ['top', 'right', 'bottom', 'left'] as const) {
      const v = (margin as Record<string, unknown>)[side];
      if (typeof v === 'string' || typeof v === 'number') sides[side] = String(v);
    }
    result.margin = sides;
  } else if (margin !== undefined) warn('margin', 'a length such as "2cm", or {top, right, bottom, left}');
  const fontsize = text(frontMatter.fontsize, 'fontsize', warn);
  if (fontsize) result.fontsize = fontsize;
  const tocDepth = frontMatter['toc-depth'];
  if (typeof tocDepth === 'number' && Number.isInteger(tocDepth) && tocDepth >= 1 && tocDepth <= 6) {
    result.tocDepth = tocDepth;
  } else if (tocDepth !== undefined) warn('toc-depth', 'a whole number from 1 to 6');
  for (const key of ['header', 'footer', 'figures'] as const) {
    const value = bool(frontMatter[key], key, warn);
    if (value !== undefined) result[key] = value;
  }
  return result;
}
