// The one syntax highlighter every format shares: lowlight (highlight.js).
// HTML uses the hast it returns; PDF and DOCX use the same tokens as lines of
// `{text, scope}`, coloured from the theme's syntax table, so code looks the
// same in the three formats.
//
// Every highlight.js grammar is available, but each is loaded the first time
// a document uses it (registering all of them costs ~80 ms at start-up);
// emitters still import this module lazily, only for documents with code.
import type { Root } from 'hast';
import type { LanguageFn } from 'highlight.js';
import { createLowlight } from 'lowlight';
import { createRequire } from 'node:module';
import { grammarFiles } from './aliases.js';
import { tokenLines, type TokenLine } from './lines.js';

export type { Token, TokenLine } from './lines.js';

// Grammars are CommonJS files, so one can be loaded on demand, synchronously.
const load = createRequire(import.meta.url);
const lowlight = createLowlight();

function registered(grammar: string): string {
  if (!lowlight.registered(grammar)) {
    lowlight.register(grammar, load(`highlight.js/lib/languages/${grammar}`) as LanguageFn);
  }
  return grammar;
}

/** Names people write that highlight.js does not register as aliases. */
const extraAliases: Record<string, string> = {
  node: 'javascript',
  nodejs: 'javascript',
  py3: 'python',
  python3: 'python',
  terminal: 'shell',
  'shell-session': 'shell',
  'objective-c': 'objectivec',
  'c#': 'csharp',
};

/** Languages that need no highlighting. */
const plainLanguages = new Set(['plaintext', 'text', 'txt', 'plain']);

/**
 * The grammar name for a fence's language (`ts` → `typescript`, `{.py}` →
 * `python`), or undefined when there is none or it is plain text.
 */
export function grammarFor(lang: string | null | undefined): string | undefined {
  if (!lang) return undefined;
  const name = lang.trim().toLowerCase().replace(/^\{?\.?/, '').replace(/\}$/, '');
  if (!name || plainLanguages.has(name)) return undefined;
  const grammar = grammarFiles[extraAliases[name] ?? name];
  return grammar ? registered(grammar) : undefined;
}

/**
 * Highlights `code` as `lang`: a hast root of text and `span.hljs-*`
 * elements, or undefined for an unknown or absent language (shown plain).
 */
export function highlight(code: string, lang: string | null | undefined): Root | undefined {
  const grammar = grammarFor(lang);
  return grammar ? lowlight.highlight(grammar, code) : undefined;
}

/**
 * The same tokens as lines: every line of `code` (split on `\n`) as a list of
 * `{text, scope}`; a scope is the highlight.js scope (`keyword`, `string`,
 * `title.function`…), absent for plain text. Unknown languages give one plain
 * token per line, so callers need no other path.
 */
export function highlightLines(code: string, lang: string | null | undefined): TokenLine[] {
  const tree = highlight(code, lang);
  if (!tree) return code.split('\n').map((line) => (line === '' ? [] : [{ text: line }]));
  return tokenLines(tree);
}
