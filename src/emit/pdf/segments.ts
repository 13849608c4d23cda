// Inlines → segments: the text between two break opportunities of the
// Unicode line breaking algorithm (UAX #14, the `linebreak` package pdfkit
// itself uses), measured, with the white space after each. No-break spaces
// (U+00A0, U+202F) make no opportunity, so they glue « guillemets » and the
// French colon to their word; a soft hyphen ending a segment brings the
// hyphen drawn if the line breaks there.
import LineBreaker from 'linebreak';
import type { Inline, Metrics, ObjectContent, TextStyle } from './model.js';

export const objectChar = '\uFFFC';
const softHyphen = '\u00AD';

export interface TextPiece {
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

export type Piece = TextPiece | ObjectPiece;

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
export interface Anchor {
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

export function textPiece(text: string, style: TextStyle, metrics: Metrics): TextPiece {
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

export function sum(pieces: readonly Piece[]): number {
  let total = 0;
  for (const piece of pieces) total += piece.width;
  return total;
}
