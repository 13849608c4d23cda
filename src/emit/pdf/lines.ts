// Line breaking: inlines → lines of positioned runs, with injected metrics.
//
// Break opportunities follow the Unicode line breaking algorithm (UAX #14,
// the `linebreak` package pdfkit itself uses), so no-break spaces (U+00A0,
// U+202F) glue « guillemets » and the French colon to their word. Lines are
// filled greedily; a segment wider than the line on its own (a long word or
// URL) is cut, preferably after `/`, `.`, `-`… and otherwise between any two
// characters; a soft hyphen where a line breaks shows as a hyphen. Justified
// lines stretch ordinary spaces only, never no-break spaces.
import LineBreaker from 'linebreak';
import type { Hyphenator } from './hyphenate.js';
import type { Align, Inline, LinkTarget, Metrics, ObjectContent, Op, PaintRun, TextStyle } from './model.js';

const objectChar = '\uFFFC';
const softHyphen = '\u00AD';
const epsilon = 0.001;

interface TextPiece {
  kind: 'text';
  text: string;
  face: string;
  style: TextStyle;
  width: number;
}

interface ObjectPiece {
  kind: 'object';
  width: number;
  height: number;
  content: ObjectContent;
  style: TextStyle;
  role?: 'Figure' | 'Formula';
  alt?: string;
}

type Piece = TextPiece | ObjectPiece;

/** Text between two break opportunities, with the white space that follows it. */
export interface Segment {
  pieces: Piece[];
  width: number;
  /** Breakable white space after the content (not drawn at the end of a line). */
  space: { text: string; width: number; count: number; face?: string; style?: TextStyle };
  /** The content ends with a soft hyphen: a hyphen is drawn when the line breaks here. */
  hyphen?: TextPiece;
  /** A forced line break follows. */
  required: boolean;
  anchors: Anchor[];
}

/** A destination in the text; `note`: a footnote call. */
interface Anchor {
  id: string;
  note?: string;
}

/** Inlines prepared for breaking at any width (tables measure them, then break them). */
export interface Prepared {
  segments: Segment[];
  strut: TextStyle;
  lineHeight: number;
  /** The widest segment (the narrowest line without cutting words). */
  minWidth: number;
  /** Everything on one line (the widest line needed). */
  maxWidth: number;
  /** The strut's height above and below the baseline, once known. */
  strutVertical?: { above: number; below: number };
}

export interface Line {
  /** Natural width of the content. */
  width: number;
  height: number;
  /** Distance from the line's top to its baseline. */
  baseline: number;
  /** Operations with absolute x and y relative to the line's top. */
  ops: Op[];
  /** Destinations (anchors) on this line. */
  anchors: string[];
  /** Footnotes called on this line. */
  notes: string[];
}

export interface PrepareOptions {
  whiteSpace: 'normal' | 'pre';
  lineHeight: number;
  /** The paragraph's own style: sets the minimum line height (the strut). */
  strut: TextStyle;
}

interface Span {
  start: number;
  end: number;
  inline: Inline;
}

export function prepare(inlines: readonly Inline[], options: PrepareOptions, metrics: Metrics): Prepared {
  const { text, spans, anchors } = flatten(inlines, options.whiteSpace);
  const segments: Segment[] = [];
  const unmeasured: TextPiece[] = [];
  if (text.length > 0) {
    const breaker = new LineBreaker(text);
    let start = 0;
    let spanIndex = 0;
    let anchorIndex = 0;
    let breakpoint = breaker.nextBreak();
    while (breakpoint) {
      const end = breakpoint.position;
      if (end > start) {
        let contentEnd = end;
        let required = breakpoint.required;
        // Preformatted text keeps its spaces as content (drawn, never stretched).
        const glue = options.whiteSpace === 'pre' ? '\n' : ' ';
        while (contentEnd > start && (text[contentEnd - 1] === glue || text[contentEnd - 1] === '\n')) {
          if (text[contentEnd - 1] === '\n') required = true;
          contentEnd--;
        }
        // Pieces of the content, span by span.
        while (spanIndex < spans.length && (spans[spanIndex] as Span).end <= start) spanIndex++;
        const pieces: Piece[] = [];
        let hyphen: TextPiece | undefined;
        let i = spanIndex;
        for (; i < spans.length && (spans[i] as Span).start < contentEnd; i++) {
          const span = spans[i] as Span;
          const from = Math.max(start, span.start);
          const to = Math.min(contentEnd, span.end);
          if (to <= from) continue;
          const inline = span.inline;
          if (inline.kind === 'object') {
            const piece: ObjectPiece = { kind: 'object', width: inline.width, height: inline.height, content: inline.content, style: inline.style };
            if (inline.role) piece.role = inline.role;
            if (inline.alt !== undefined) piece.alt = inline.alt;
            pieces.push(piece);
          } else if (inline.kind === 'text') {
            const part = text.slice(from, to);
            for (const run of metrics.split(inline.style, part)) {
              const piece: TextPiece = { kind: 'text', text: run.text, face: run.face, style: inline.style, width: 0 };
              pieces.push(piece);
              unmeasured.push(piece);
            }
            if (to === contentEnd && part.endsWith(softHyphen)) hyphen = textPiece('-', inline.style, metrics);
          }
        }
        // The white space after the content, in the style of the span it belongs to.
        let space: Segment['space'] = { text: '', width: 0, count: 0 };
        if (end > contentEnd) {
          const spaceText = text.slice(contentEnd, end).replace(/\n/g, '');
          if (spaceText) {
            let owner: Span | undefined;
            for (let j = spanIndex; j < spans.length; j++) {
              const span = spans[j] as Span;
              if (span.start <= contentEnd && span.end > contentEnd) {
                owner = span;
                break;
              }
              if (span.start > contentEnd) break;
            }
            const style = owner?.inline.kind === 'text' ? owner.inline.style : options.strut;
            const piece = textPiece(spaceText, style, metrics);
            space = { text: spaceText, width: piece.width, count: spaceText.length, face: piece.face, style };
          }
        }
        const segmentAnchors: Anchor[] = [];
        while (anchorIndex < anchors.length && (anchors[anchorIndex] as { at: number }).at < end) {
          segmentAnchors.push((anchors[anchorIndex] as { anchor: Anchor }).anchor);
          anchorIndex++;
        }
        const segment: Segment = { pieces, width: 0, space, required, anchors: segmentAnchors };
        if (hyphen) segment.hyphen = hyphen;
        segments.push(segment);
      }
      start = end;
      breakpoint = breaker.nextBreak();
    }
    if (anchorIndex < anchors.length && segments.length > 0) {
      (segments.at(-1) as Segment).anchors.push(...anchors.slice(anchorIndex).map((a) => a.anchor));
    }
  } else if (anchors.length > 0) {
    segments.push({ pieces: [], width: 0, space: { text: '', width: 0, count: 0 }, required: false, anchors: anchors.map((a) => a.anchor) });
  }
  for (const piece of unmeasured) piece.width = metrics.width(piece.face, piece.text, piece.style.size);
  for (const segment of segments) segment.width = sum(segment.pieces);
  let minWidth = 0;
  let maxWidth = 0;
  let lineWidth = 0;
  for (const segment of segments) {
    minWidth = Math.max(minWidth, segment.width + (segment.hyphen?.width ?? 0));
    lineWidth += segment.width;
    maxWidth = Math.max(maxWidth, lineWidth);
    lineWidth = segment.required ? 0 : lineWidth + segment.space.width;
  }
  return { segments, strut: options.strut, lineHeight: options.lineHeight, minWidth, maxWidth };
}

/** All text in one string (objects as U+FFFC, hard breaks as line feeds), with the inline of each range. */
function flatten(inlines: readonly Inline[], whiteSpace: 'normal' | 'pre') {
  let text = '';
  const spans: Span[] = [];
  const anchors: Array<{ at: number; anchor: Anchor }> = [];
  let column = 0;
  for (const inline of inlines) {
    if (inline.kind === 'anchor') {
      anchors.push({ at: text.length, anchor: inline.note ? { id: inline.id, note: inline.note } : { id: inline.id } });
      continue;
    }
    if (inline.kind === 'break') {
      if (whiteSpace === 'normal') text = text.replace(/ +$/, '');
      const start = text.length;
      text += '\n';
      spans.push({ start, end: text.length, inline });
      column = 0;
      continue;
    }
    if (inline.kind === 'object') {
      const start = text.length;
      text += objectChar;
      spans.push({ start, end: text.length, inline });
      column++;
      continue;
    }
    let value = inline.text;
    if (whiteSpace === 'normal') {
      if (needsCollapsing(value)) value = value.replace(/[ \t\n\r\f]+/g, ' ');
      if (value.startsWith(' ') && (text.length === 0 || text.endsWith(' ') || text.endsWith('\n'))) value = value.slice(1);
    } else {
      if (value.includes('\r')) value = value.replace(/\r\n?/g, '\n');
      if (value.includes('\t')) {
        let expanded = '';
        for (const char of value) {
          if (char === '\t') {
            const spaces = 4 - (column % 4);
            expanded += ' '.repeat(spaces);
            column += spaces;
          } else {
            expanded += char;
            column = char === '\n' ? 0 : column + 1;
          }
        }
        value = expanded;
      } else {
        const lastLine = value.lastIndexOf('\n');
        column = lastLine < 0 ? column + value.length : value.length - lastLine - 1;
      }
    }
    if (!value) continue;
    const start = text.length;
    text += value;
    spans.push({ start, end: text.length, inline });
  }
  return { text, spans, anchors };
}

/** Whether white space in `value` collapses: a tab, a line end, a form feed or two spaces. */
function needsCollapsing(value: string): boolean {
  let previous = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 9 || code === 10 || code === 12 || code === 13 || (code === 32 && previous === 32)) return true;
    previous = code;
  }
  return false;
}

/** Short pieces measured once per metrics and style (spaces between words, hyphens). */
const measured = new WeakMap<Metrics, WeakMap<TextStyle, Map<string, TextPiece>>>();

function textPiece(text: string, style: TextStyle, metrics: Metrics): TextPiece {
  let byStyle = measured.get(metrics);
  if (!byStyle) {
    byStyle = new WeakMap();
    measured.set(metrics, byStyle);
  }
  let pieces = byStyle.get(style);
  if (!pieces) {
    pieces = new Map();
    byStyle.set(style, pieces);
  }
  let piece = pieces.get(text);
  if (!piece) {
    const runs = metrics.split(style, text);
    const run = runs[0] ?? { face: metrics.split(style, ' ')[0]?.face ?? '', text };
    const width = runs.reduce((total, r) => total + metrics.width(r.face, r.text, style.size), 0);
    piece = { kind: 'text', text, face: run.face, style, width };
    if (text.length <= 4) pieces.set(text, piece);
  }
  return piece;
}

function sum(pieces: readonly Piece[]): number {
  let total = 0;
  for (const piece of pieces) total += piece.width;
  return total;
}

export interface BreakOptions {
  /** Absolute x of the lines' left edge. */
  x: number;
  /** Width available for every line (at least one character is put on each line). */
  width: number;
  align: Align;
  /** Extra indent of the first line. */
  indent?: number;
  /** Hyphenation points of words (justified text): a loose line takes the head of its next word. */
  hyphenate?: Hyphenator;
}

/** Breaks prepared inlines into lines of `width` points. */
export function breakLines(prepared: Prepared, options: BreakOptions, metrics: Metrics): Line[] {
  const width = Math.max(options.width, 1);
  const indent = Math.min(Math.max(options.indent ?? 0, 0), width / 2);
  const lines: Line[] = [];
  let current: Segment[] = [];
  let currentWidth = 0;
  const availableFor = (index: number) => width - (index === 0 ? indent : 0);
  const finish = (last: boolean, required: boolean) => {
    lines.push(placeLine(current, currentWidth, lines.length === 0 ? indent : 0, availableFor(lines.length), last, required, prepared, options, metrics));
    current = [];
    currentWidth = 0;
  };
  const segments = prepared.segments;
  const justify = options.align === 'justify';
  // Lines in a row that end with a hyphen (no more than two).
  let hyphenated = 0;
  for (let index = 0; index < segments.length; index++) {
    let segment = segments[index] as Segment;
    for (;;) {
      const available = availableFor(lines.length);
      const previous = current.at(-1);
      const joined = previous ? currentWidth + previous.space.width + segment.width : segment.width;
      const needed = joined + (segment.hyphen && !segment.required ? segment.hyphen.width : 0);
      // Justified lines may take a word more by narrowing their spaces a little (as TeX's shrinkable glue).
      const shrinkable = justify && previous ? shrinkOf(current) + previous.space.width * shrink : 0;
      if (previous && needed > available + epsilon + shrinkable) {
        const parts =
          (options.hyphenate && hyphenated < 2 && index < segments.length - 1 ? hyphenateIfLoose(current, currentWidth, segment, available, options.hyphenate, metrics) : undefined) ??
          (justify ? cutUrlIfLoose(current, currentWidth, segment, available, metrics) : undefined);
        if (parts) {
          current.push(parts[0]);
          currentWidth += previous.space.width + parts[0].width;
          finish(false, false);
          hyphenated = parts[0].hyphen ? hyphenated + 1 : 0;
          segment = parts[1];
          continue;
        }
        hyphenated = previous.hyphen && !previous.required ? hyphenated + 1 : 0;
        finish(false, false);
        continue;
      }
      if (!previous && segment.width > available + epsilon) {
        const parts = cutSegment(segment, available, metrics);
        if (parts) {
          current.push(parts[0]);
          currentWidth = parts[0].width;
          finish(false, false);
          segment = parts[1];
          continue;
        }
      }
      current.push(segment);
      currentWidth = joined;
      if (segment.required) finish(false, true);
      break;
    }
  }
  if (current.length > 0) finish(true, false);
  return lines;
}

/** How much of its width a space may lose in a justified line. */
const shrink = 0.2;

/** The width the spaces between the segments of a line may lose. */
function shrinkOf(segments: readonly Segment[]): number {
  let total = 0;
  for (let i = 0; i < segments.length - 1; i++) total += (segments[i] as Segment).space.width * shrink;
  return total;
}

/**
 * A word to hyphenate: letters of the scripts hyphenation patterns are
 * mostly for (Latin, Greek, Cyrillic, Armenian, Georgian), apart from
 * leading punctuation or an elision (l’, qu’) and trailing punctuation.
 * Explicit ranges rather than \p{L}: a Unicode property class costs
 * milliseconds to compile, and this runs in every document.
 */
const letter = 'A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0370-\u03FF\u0400-\u052F\u0531-\u0587\u10A0-\u10FF\u1E00-\u1FFF';
const hyphenable = new RegExp(`^([(\\[«“‘"'¿¡]{0,2}(?:[${letter}]{1,6}['’])?)([${letter}][${letter}\\u0300-\\u036F]{4,})([.,;:!?…)\\]»”’"'\\u00A0\\u202F]{0,3})$`);

/** How many spaces the segments hold, and their natural width. */
function spacesOf(segments: readonly Segment[]): { spaces: number; spaceWidth: number } {
  let spaces = 0;
  let spaceWidth = 0;
  for (const part of segments) {
    spaces += part.space.count;
    spaceWidth += part.space.width;
  }
  return { spaces, spaceWidth };
}

/**
 * When the line so far would be loose (its spaces stretched by more than
 * half their width), the head of the next word and a hyphen, and the
 * rest of the word; else undefined. Only plain words are hyphenated: one
 * run of letters, not all capitals, at least two letters before the
 * hyphen and three after it.
 */
function hyphenateIfLoose(current: readonly Segment[], currentWidth: number, segment: Segment, available: number, hyphenate: Hyphenator, metrics: Metrics): [Segment, Segment] | undefined {
  const piece = segment.pieces.length === 1 ? segment.pieces[0] : undefined;
  // Not inside URLs and code.
  if (!piece || piece.kind !== 'text' || segment.hyphen || piece.style.font === 'mono' || (piece.style.link && 'url' in piece.style.link)) return undefined;
  const previous = current.at(-1) as Segment;
  const { spaces, spaceWidth } = spacesOf(current);
  const size = piece.style.size;
  const slack = available - currentWidth;
  // Loose: each space stretched by more than half its width.
  if (spaces === 0 || slack <= (spaceWidth / spaces) * 0.5 * Math.max(spaces - previous.space.count, 1)) return undefined;
  const match = hyphenable.exec(piece.text);
  if (!match) return undefined;
  const [, lead = '', word = '', trail = ''] = match;
  if (word === word.toUpperCase()) return undefined;
  const hyphen = textPiece('-', piece.style, metrics);
  const room = available - currentWidth - previous.space.width - hyphen.width;
  // Not even two letters would fit (by the word's average letter width): no need to look.
  if (room < (piece.width / piece.text.length) * (lead.length + 2)) return undefined;
  const positions = hyphenate(word);
  for (let i = positions.length - 1; i >= 0; i--) {
    const at = positions[i] as number;
    if (at < 2 || word.length - at < 3) continue;
    const headText = lead + word.slice(0, at);
    const headWidth = metrics.width(piece.face, headText, size);
    if (headWidth > room + epsilon) continue;
    const tailText = word.slice(at) + trail;
    const head: Segment = { pieces: [{ ...piece, text: headText, width: headWidth }], width: headWidth, space: { text: '', width: 0, count: 0 }, hyphen, required: false, anchors: segment.anchors };
    const tailWidth = metrics.width(piece.face, tailText, size);
    const tail: Segment = { ...segment, pieces: [{ ...piece, text: tailText, width: tailWidth }], width: tailWidth, anchors: [] };
    return [head, tail];
  }
  return undefined;
}

/**
 * When the line so far would be very loose (each space stretched to more
 * than twice its width) and the next segment is a URL, an e-mail address
 * or inline code, the head of it up to a separator (`/`, `.`, `@`, `_`…)
 * that fits, and the rest: a long address or name then fills the line
 * instead of leaving a gap. Else undefined.
 */
function cutUrlIfLoose(current: readonly Segment[], currentWidth: number, segment: Segment, available: number, metrics: Metrics): [Segment, Segment] | undefined {
  const piece = segment.pieces[0];
  if (!piece || piece.kind !== 'text' || !((piece.style.link && 'url' in piece.style.link) || piece.style.font === 'mono')) return undefined;
  const previous = current.at(-1) as Segment;
  const { spaces, spaceWidth } = spacesOf(current);
  if (spaces === 0 || available - currentWidth <= (spaceWidth / spaces) * Math.max(spaces - previous.space.count, 1)) return undefined;
  const room = available - currentWidth - previous.space.width;
  const text = piece.text;
  // From the last separator that may fit (by the average width of a character) back.
  for (let i = Math.min(text.length - 2, Math.floor((room / Math.max(piece.width, 1)) * text.length * 1.2)); i >= 2; i--) {
    if (!separators.test(text.charAt(i))) continue;
    const headText = text.slice(0, i + 1);
    const headWidth = metrics.width(piece.face, headText, piece.style.size);
    if (headWidth > room + epsilon) continue;
    const tailText = text.slice(i + 1);
    const tailWidth = metrics.width(piece.face, tailText, piece.style.size);
    const head: Segment = { pieces: [{ ...piece, text: headText, width: headWidth }], width: headWidth, space: { text: '', width: 0, count: 0 }, required: false, anchors: segment.anchors };
    const tail: Segment = { ...segment, pieces: [{ ...piece, text: tailText, width: tailWidth }, ...segment.pieces.slice(1)], width: tailWidth + segment.width - piece.width, anchors: [] };
    return [head, tail];
  }
  return undefined;
}

/** Characters after which a URL or a name may be cut. */
const separators = /^[/.\-?&=_#,;:@~+|\\]$/;

/**
 * Cuts a segment too wide for a line: the longest head that fits (at least
 * one character), preferably after a URL separator. Only the head's
 * characters are measured, so that cutting a huge word line by line stays
 * linear in its length.
 */
function cutSegment(segment: Segment, available: number, metrics: Metrics): [Segment, Segment] | undefined {
  const units: Array<{ piece: number; end: number; text: string }> = [];
  let total = 0;
  let complete = true;
  scan: for (let index = 0; index < segment.pieces.length; index++) {
    const piece = segment.pieces[index] as Piece;
    if (piece.kind === 'object') {
      if (units.length > 0 && total + piece.width > available + epsilon) {
        complete = false;
        break;
      }
      units.push({ piece: index, end: 1, text: objectChar });
      total += piece.width;
      continue;
    }
    let offset = 0;
    for (const text of graphemes(piece.text)) {
      const width = metrics.width(piece.face, text, piece.style.size);
      if (units.length > 0 && total + width > available + epsilon) {
        complete = false;
        break scan;
      }
      offset += text.length;
      units.push({ piece: index, end: offset, text });
      total += width;
    }
  }
  if (complete) return undefined;
  let cut = units.length;
  for (let i = units.length; i > Math.max(1, Math.floor(units.length / 2)); i--) {
    if (/^[/.\-?&=_#,;:@~+|\\]$/.test((units[i - 1] as { text: string }).text)) {
      cut = i;
      break;
    }
  }
  const last = units[cut - 1] as { piece: number; end: number };
  const split = segment.pieces[last.piece] as Piece;
  const headPieces: Piece[] = segment.pieces.slice(0, last.piece);
  const tailPieces: Piece[] = segment.pieces.slice(last.piece + 1);
  if (split.kind === 'object') headPieces.push(split);
  else {
    const head = split.text.slice(0, last.end);
    const tail = split.text.slice(last.end);
    const headWidth = metrics.width(split.face, head, split.style.size);
    headPieces.push({ ...split, text: head, width: headWidth });
    // The rest's width by difference: measuring it again at every cut would be quadratic.
    if (tail) tailPieces.unshift({ ...split, text: tail, width: Math.max(split.width - headWidth, 0) });
  }
  if (tailPieces.length === 0) return undefined;
  const headSegment: Segment = { pieces: headPieces, width: sum(headPieces), space: { text: '', width: 0, count: 0 }, required: false, anchors: segment.anchors };
  const tailSegment: Segment = { ...segment, pieces: tailPieces, width: sum(tailPieces), anchors: [] };
  return [headSegment, tailSegment];
}

/**
 * Graphemes of `text`, lazily and window by window: a cut reads only the
 * head of a long word, and the segmenter never sees the whole of it.
 */
function* graphemes(text: string): Generator<string> {
  const window = 256;
  // Text without combining marks, joiners or surrogates: each character is a grapheme.
  if (text.length <= window && /^[\u0020-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1fff\u2010-\u2027\u2030-\u205e]*$/.test(text)) {
    for (const char of text) yield char;
    return;
  }
  segmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + window, text.length);
    // Never between the two halves of a surrogate pair.
    if (end < text.length && (text.charCodeAt(end) & 0xfc00) === 0xdc00) end++;
    for (const part of segmenter.segment(text.slice(start, end))) yield part.segment;
    start = end;
  }
}

let segmenter: Intl.Segmenter | undefined;

interface Placement {
  piece: Piece;
  x: number;
  /** White space drawn after the piece (between words on the line). */
  after: string;
}

function placeLine(
  segments: readonly Segment[],
  contentWidth: number,
  indent: number,
  available: number,
  last: boolean,
  required: boolean,
  prepared: Prepared,
  options: BreakOptions,
  metrics: Metrics,
): Line {
  const lastSegment = segments.at(-1);
  const hyphen = lastSegment?.hyphen && !last && !required ? lastSegment.hyphen : undefined;
  const width = contentWidth + (hyphen?.width ?? 0);
  let offset = 0;
  let stretch = 0;
  const slack = available - width;
  if (options.align === 'right') offset = Math.max(0, slack);
  else if (options.align === 'center') offset = Math.max(0, slack / 2);
  else if (options.align === 'justify' && ((!last && !required && slack > 0) || slack < 0)) {
    // Spaces stretch to fill the line, or shrink on a line that took a word more.
    let spaces = 0;
    for (let i = 0; i < segments.length - 1; i++) spaces += (segments[i] as Segment).space.count;
    if (spaces > 0) stretch = slack / spaces;
  }
  const placements: Placement[] = [];
  let x = options.x + indent + offset;
  const anchors: Anchor[] = [];
  segments.forEach((segment, index) => {
    anchors.push(...segment.anchors);
    segment.pieces.forEach((piece, pieceIndex) => {
      const between = index < segments.length - 1 && pieceIndex === segment.pieces.length - 1 ? segment.space.text : '';
      placements.push({ piece, x, after: between });
      x += piece.width;
    });
    if (index < segments.length - 1) {
      // White space after a segment without pieces (an anchor alone) still takes its room.
      x += segment.space.width + stretch * segment.space.count;
    }
  });
  if (hyphen) placements.push({ piece: hyphen, x, after: '' });
  return buildLine(placements, width, anchors, prepared, metrics);
}

interface Vertical {
  above: number;
  below: number;
}

function verticalOf(size: number, face: string, lineHeight: number, rise: number, metrics: Metrics): Vertical {
  const { ascent, descent } = metrics.vertical(face);
  const a = ascent * size;
  const d = descent * size;
  const half = (size * lineHeight - (a + d)) / 2;
  return { above: a + half + rise, below: d + half - rise };
}

function buildLine(placements: readonly Placement[], width: number, anchors: readonly Anchor[], prepared: Prepared, metrics: Metrics): Line {
  const strut = (prepared.strutVertical ??= verticalOf(prepared.strut.size, metrics.split(prepared.strut, 'x')[0]?.face ?? '', prepared.lineHeight, 0, metrics));
  let above = strut.above;
  let below = strut.below;
  for (const { piece } of placements) {
    const rise = piece.style.rise ?? 0;
    if (piece.kind === 'object') {
      above = Math.max(above, piece.height + rise);
      below = Math.max(below, -rise);
    } else {
      const v = verticalOf(piece.style.size, piece.face, prepared.lineHeight, rise, metrics);
      above = Math.max(above, v.above);
      below = Math.max(below, v.below);
    }
  }
  const baseline = above;
  const height = above + below;
  const backgrounds: Op[] = [];
  const decorations: Op[] = [];
  const objects: Op[] = [];
  const links: Op[] = [];
  // One text operation per line, its runs in reading order (raised runs included).
  const text: { op: 'text'; y: number; runs: PaintRun[] } = { op: 'text', y: baseline, runs: [] };
  let lastRun: PaintRun | undefined;

  // Rectangles that continue across the space between two pieces merge (the key of each list's last one is kept).
  const extend = (list: Op[], key: string, lastKey: string, rect: Op & { op: 'rect' | 'link' }): string => {
    const previous = list.at(-1) as (Op & { op: 'rect' | 'link' }) | undefined;
    if (previous && lastKey === key && Math.abs(previous.y - rect.y) < epsilon && rect.x - (previous.x + previous.w) < rect.h) {
      previous.w = rect.x + rect.w - previous.x;
      previous.h = Math.max(previous.h, rect.h);
      return key;
    }
    list.push(rect);
    return key;
  };
  let backgroundKey = '';
  let linkKeyLast = '';
  let lineKey = '';

  for (const { piece, x, after } of placements) {
    const style = piece.style;
    const rise = style.rise ?? 0;
    const y = baseline - rise;
    let top: number;
    let bottom: number;
    if (piece.kind === 'object') {
      top = y - piece.height;
      bottom = y;
      const object: Op = { op: 'object', content: piece.content, x, y: top, w: piece.width, h: piece.height, alt: piece.alt ?? '' };
      if (piece.role) object.role = piece.role;
      objects.push(object);
    } else {
      const { ascent, descent } = metrics.vertical(piece.face);
      top = y - ascent * style.size;
      bottom = y + descent * style.size;
      if (piece.text) {
        if (lastRun && (lastRun.rise ?? 0) === rise && lastRun.face === piece.face && lastRun.size === style.size && lastRun.color === style.color && lastRun.link === style.link) {
          lastRun.words.push({ text: piece.text + after, x });
        } else {
          lastRun = { face: piece.face, size: style.size, color: style.color, words: [{ text: piece.text + after, x }] };
          if (rise) lastRun.rise = rise;
          if (style.link) lastRun.link = style.link;
          text.runs.push(lastRun);
        }
      }
    }
    const pieceWidth = piece.width;
    if (style.background) {
      const pad = style.size * 0.12;
      backgroundKey = extend(backgrounds, style.background, backgroundKey, { op: 'rect', x: x - pad, y: top - pad * 0.5, w: pieceWidth + 2 * pad, h: bottom - top + pad, fill: style.background });
    } else {
      backgroundKey = ''; // `a`, `b`: two boxes, not one over the comma.
    }
    if (style.underline || style.strike) {
      const thickness = Math.max(0.4, style.size * 0.055);
      for (const kind of ['underline', 'strike'] as const) {
        if (!style[kind]) continue;
        const lineY = kind === 'underline' ? y + style.size * 0.12 : y - style.size * 0.28;
        const key = `${kind}:${style.color}:${lineY.toFixed(3)}`;
        const previous = decorations.at(-1) as (Op & { op: 'line' }) | undefined;
        if (previous && lineKey === key && x - previous.x2 < style.size) previous.x2 = x + pieceWidth;
        else {
          decorations.push({ op: 'line', x1: x, y1: lineY, x2: x + pieceWidth, y2: lineY, width: thickness, color: style.color });
          lineKey = key;
        }
      }
    } else {
      lineKey = '';
    }
    if (style.link) {
      linkKeyLast = extend(links, linkKey(style.link), linkKeyLast, { op: 'link', x, y: top, w: pieceWidth, h: bottom - top, target: style.link });
    } else {
      linkKeyLast = '';
    }
  }
  const ops: Op[] = [...backgrounds, ...(text.runs.length > 0 ? [text] : []), ...objects, ...decorations, ...links];
  const notes: string[] = [];
  for (const anchor of anchors) if (anchor.note) notes.push(anchor.note);
  return { width, height, baseline, ops, anchors: anchors.map((anchor) => anchor.id), notes };
}

function linkKey(target: LinkTarget): string {
  return 'url' in target ? `url:${target.url}` : `dest:${target.dest}`;
}

/** Prepares and breaks in one go. */
export function layoutInlines(inlines: readonly Inline[], options: PrepareOptions & BreakOptions, metrics: Metrics): Line[] {
  return breakLines(prepare(inlines, options, metrics), options, metrics);
}
