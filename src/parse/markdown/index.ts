// Markdown text → mdast, with remark-parse's extensions (GFM, math, front
// matter). Large documents are parsed in pieces cut at safe places (see
// split.ts): micromark's cost and memory grow faster than the text, and
// pieces keep both linear. The tree is the one a whole-document parse gives,
// positions included: definitions are shared across pieces, positions are
// shifted back, and every cut is verified. remark-gfm's costliest checks are
// made only where the source could match them (look-ahead.ts,
// literal-transform.ts), for the same tree.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Root, RootContent } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { lookAhead } from './look-ahead.js';
import { transformWhereNeeded } from './literal-transform.js';
import { definedElsewhere, type Definitions } from './defined-elsewhere.js';
import { walk } from '../walk.js';
import { cutPoints } from './split.js';

export interface MarkdownOptions {
  /** Read a leading `---` block as YAML front matter. */
  frontMatter: boolean;
  /** Pieces are at least this many characters (default 128 Ki); smaller documents parse whole. */
  pieceSize?: number;
}

interface Syntax {
  micromark: MicromarkExtension[];
  mdast: FromMarkdownExtension[];
}

/** The extensions remark-parse would use, taken from the unified plugins themselves (the literal transform narrowed: literal-transform.ts). */
function syntaxOf(frontMatter: boolean): Syntax {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath);
  if (frontMatter) processor.use(remarkFrontmatter, ['yaml']);
  processor.freeze();
  return {
    micromark: (processor.data('micromarkExtensions') ?? []) as MicromarkExtension[],
    mdast: transformWhereNeeded((processor.data('fromMarkdownExtensions') ?? []) as FromMarkdownExtension[]),
  };
}

let syntaxCache: Record<'with' | 'without', Syntax> | undefined;
function syntax(frontMatter: boolean): Syntax {
  syntaxCache ??= { with: syntaxOf(true), without: syntaxOf(false) };
  return frontMatter ? syntaxCache.with : syntaxCache.without;
}

const defaultPieceSize = 128 * 1024;
const none: Definitions = { links: new Set(), footnotes: new Set() };

export function parseMarkdown(text: string, options: MarkdownOptions): Root {
  const cuts = cutPoints(text, options.pieceSize ?? defaultPieceSize);
  if (cuts.length === 0) return parsePiece(text, syntax(options.frontMatter), none);
  return parseInPieces(text, cuts, options);
}

function parsePiece(text: string, syntax: Syntax, definitions: Definitions): Root {
  const micromark = lookAhead(syntax.micromark, text);
  // Always: besides sharing definitions across pieces, it makes micromark's
  // definition lists answer lookups in constant time.
  const extensions = [...micromark, definedElsewhere(definitions)];
  return fromMarkdown(text, { extensions, mdastExtensions: syntax.mdast });
}

interface Piece {
  start: number;
  line: number;
  text: string;
  tree?: Root;
}

function parseInPieces(text: string, cuts: number[], options: MarkdownOptions): Root {
  let pieces = toPieces(text, cuts);
  // Definitions first guessed from the source, then checked against the trees.
  let definitions = guessDefinitions(text);
  for (let attempt = 0; ; attempt++) {
    pieces = parseAll(pieces, definitions, options);
    const found = definitionsIn(pieces);
    if (sameDefinitions(found, definitions) || attempt === 1) break;
    definitions = found;
    for (const piece of pieces) piece.tree = undefined;
  }
  return join(text, pieces);
}

function toPieces(text: string, cuts: number[]): Piece[] {
  const starts = [0, ...cuts];
  let line = 1;
  let counted = 0;
  return starts.map((start, index) => {
    line += countNewlines(text, counted, start);
    counted = start;
    return { start, line, text: text.slice(start, starts[index + 1] ?? text.length) };
  });
}

/**
 * Parses every piece. A piece whose last block is still open at its end
 * (an unclosed fence, math or HTML block would swallow the next piece in a
 * whole-document parse) is merged with the next one and parsed again.
 */
function parseAll(input: Piece[], definitions: Definitions, options: MarkdownOptions): Piece[] {
  const pieces: Piece[] = [];
  for (let index = 0; index < input.length; index++) {
    let piece = input[index] as Piece;
    for (;;) {
      const first = pieces.length === 0;
      piece.tree ??= parsePiece(piece.text, syntax(options.frontMatter && first), definitions);
      const next = input[index + 1];
      if (!next || !endsOpen(piece)) break;
      piece = { start: piece.start, line: piece.line, text: piece.text + next.text };
      index++;
    }
    pieces.push(piece);
  }
  return pieces;
}

/** Whether the piece's last top-level block could run on into the next piece. */
function endsOpen(piece: Piece): boolean {
  const last = piece.tree?.children.at(-1);
  if (!last?.position) return false;
  const source = piece.text.slice(last.position.start.offset, last.position.end.offset);
  if (last.type === 'code') return /^ {0,3}[`~]/.test(source) && !closedFence(source, /^ {0,3}(`{3,}|~{3,})/);
  if (last.type === 'math') return !closedFence(source, /^ {0,3}(\${2,})/);
  if (last.type === 'html') return !closedHtml(source);
  return false;
}

function closedFence(source: string, opener: RegExp): boolean {
  const lines = source.split('\n');
  const marker = opener.exec(lines[0] ?? '')?.[1];
  if (!marker || lines.length < 2) return false;
  const last = (lines.at(-1) as string).trim();
  return last.length >= marker.length && [...last].every((c) => c === marker[0]);
}

const htmlEnds: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>\n]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];

/** HTML blocks of kinds 1–5 end at their closing marker; the others at a blank line. */
function closedHtml(source: string): boolean {
  for (const [opener, end] of htmlEnds) {
    const match = opener.exec(source);
    if (match) return end.test(source.slice(match[0].length));
  }
  return true;
}

/** Link and footnote definitions, read cheaply from lines that look like them. */
function guessDefinitions(text: string): Definitions {
  const links = new Set<string>();
  const footnotes = new Set<string>();
  for (const match of text.matchAll(/^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?\[(\^?)((?:[^\[\]\\\n]|\\.){1,999})\]:/gm)) {
    (match[1] ? footnotes : links).add(normalizeIdentifier(match[2] as string));
  }
  return { links, footnotes };
}

/** The definitions the pieces really hold. */
function definitionsIn(pieces: Piece[]): Definitions {
  const links = new Set<string>();
  const footnotes = new Set<string>();
  for (const piece of pieces) {
    walk(piece.tree as Root, (node) => {
      if (node.type === 'definition') links.add(normalizeIdentifier(node.label ?? node.identifier));
      else if (node.type === 'footnoteDefinition') footnotes.add(normalizeIdentifier(node.label ?? node.identifier));
    });
  }
  return { links, footnotes };
}

function sameDefinitions(a: Definitions, b: Definitions): boolean {
  const same = (x: ReadonlySet<string>, y: ReadonlySet<string>) => x.size === y.size && [...x].every((v) => y.has(v));
  return same(a.links, b.links) && same(a.footnotes, b.footnotes);
}

/** One root: children in order, positions shifted to the whole text. */
function join(text: string, pieces: Piece[]): Root {
  const children: RootContent[] = [];
  for (const piece of pieces) {
    const tree = piece.tree as Root;
    if (piece.start > 0) shiftPositions(tree, piece.line - 1, piece.start);
    children.push(...tree.children);
  }
  const end = pieces.at(-1)?.tree?.position?.end;
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: end ? { ...end } : { line: 1, column: 1, offset: text.length },
    },
  };
}

function shiftPositions(tree: Root, lines: number, offset: number): void {
  walk(tree, (node) => {
    const position = node.position;
    if (!position) return;
    position.start = { ...position.start, line: position.start.line + lines, offset: (position.start.offset ?? 0) + offset };
    position.end = { ...position.end, line: position.end.line + lines, offset: (position.end.offset ?? 0) + offset };
  });
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
