// Cuts inside a segment, for the line breaker: the head of a word and a
// hyphen when a justified line would be loose, the head of a URL or of code
// up to a separator when it would be very loose, and any segment too wide
// for a line on its own (a long word or URL), preferably after `/`, `.`, `-`…
// and otherwise between two graphemes.
import type { Hyphenator } from './hyphenate.js';
import { epsilon } from './line-box.js';
import type { Metrics } from './model.js';
import { objectChar, sum, textPiece, type Piece, type Segment } from './segments.js';

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
export function hyphenateIfLoose(current: readonly Segment[], currentWidth: number, segment: Segment, available: number, hyphenate: Hyphenator, metrics: Metrics): [Segment, Segment] | undefined {
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
export function cutUrlIfLoose(current: readonly Segment[], currentWidth: number, segment: Segment, available: number, metrics: Metrics): [Segment, Segment] | undefined {
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
export function cutSegment(segment: Segment, available: number, metrics: Metrics): [Segment, Segment] | undefined {
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
