// The content stream of a line of text: its runs as glyph runs (TJ arrays)
// from the same shapes the layout measured, so that every word lands
// exactly where the layout put it, each group of runs inside the marked
// content of its structure element (or an artifact). Each shaped word is
// encoded once per document (its glyph ids in the font subset and its
// kerning), then reused: a word's encoding does not depend on the size.
import { shape, type Face, type Shaped } from './fonts.js';
import type { Op, PaintRun } from './model.js';

/** One face as embedded in the document: its resource name and its subset. */
export interface EmbeddedFace {
  /** The font resource name (`F3`). */
  readonly name: string;
  readonly face: Face;
  /** The subset glyph id of a glyph (added, with its width and code points, on first use). */
  include(glyph: number, natural: number, codePoints: readonly number[]): number;
  /** Encoded words: a TJ array fragment, or null for words with mark offsets (drawn glyph by glyph). */
  readonly words: Map<Shaped, string | null>;
}

/** Marked content around runs: runs of the same key share one sequence, opened by `open` (`/P <</MCID 3>> BDC`). */
export interface Marker {
  key(run: PaintRun): unknown;
  open(run: PaintRun): string;
}

const obliqueSkew = 0.2;

/** Numbers as PDF writes them: at most three decimals, no exponent, no "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return rounded === 0 ? '0' : String(rounded);
}

const colours = new Map<string, string>();

/** `#rrggbb` as PDF RGB components. */
export function rgb(hex: string): string {
  let value = colours.get(hex);
  if (value === undefined) {
    const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    value = match ? [match[1], match[2], match[3]].map((part) => num(parseInt(part as string, 16) / 255)).join(' ') : '0 0 0';
    colours.set(hex, value);
  }
  return value;
}

const hexCodes: string[] = [];

function hex4(value: number): string {
  let code = hexCodes[value];
  if (code === undefined) {
    code = value.toString(16).padStart(4, '0');
    hexCodes[value] = code;
  }
  return code;
}

/** The content stream operators of a text operation placed at `dy` on a page `pageHeight` high. */
export function textContent(op: Extract<Op, { op: 'text' }>, dy: number, pageHeight: number, embedded: (faceId: string) => EmbeddedFace, mark: Marker | undefined): string {
  const baseline = pageHeight - (op.y + dy);
  const parts: string[] = ['q', `1 0 0 -1 0 ${num(pageHeight)} cm`, 'BT'];
  let opened = false;
  let openKey: unknown;
  let font = '';
  let colour = '';
  for (const run of op.runs) {
    if (mark) {
      const key = mark.key(run);
      if (!opened || key !== openKey) {
        if (opened) parts.push('EMC');
        parts.push(mark.open(run));
        opened = true;
        openKey = key;
      }
    }
    const face = embedded(run.face);
    const fontOp = `/${face.name} ${num(run.size)} Tf`;
    if (fontOp !== font) {
      parts.push(fontOp);
      font = fontOp;
    }
    const colourOp = `${rgb(run.color)} rg`;
    if (colourOp !== colour) {
      parts.push(colourOp);
      colour = colourOp;
    }
    runContent(run, baseline + (run.rise ?? 0), face, parts);
  }
  if (opened) parts.push('EMC');
  parts.push('ET', 'Q', '');
  return parts.join('\n');
}

function runContent(run: PaintRun, y: number, embedded: EmbeddedFace, parts: string[]): void {
  const face = embedded.face;
  const size = run.size;
  const skew = face.oblique ? obliqueSkew : 0;
  const perUnit = size / face.unitsPerEm;
  const moveTo = (x: number, baseline: number) => parts.push(`1 0 ${num(skew)} 1 ${num(x)} ${num(baseline)} Tm`);
  let array: string[] = [];
  const flush = () => {
    if (array.length > 0) parts.push(`[${array.join(' ')}] TJ`);
    array = [];
  };
  let pen: number | undefined;
  for (const word of run.words) {
    if (pen === undefined) moveTo(word.x, y);
    else {
      const gap = word.x - pen;
      if (Math.abs(gap) > 0.0005) array.push(num((-gap * 1000) / size));
    }
    pen = word.x;
    // Trailing spaces are shaped on their own: the words themselves are already in the cache.
    let end = word.text.length;
    while (end > 0 && word.text.charCodeAt(end - 1) === 32) end--;
    for (const text of end === word.text.length ? [word.text] : [word.text.slice(0, end), word.text.slice(end)]) {
      if (!text) continue;
      const shaped = shape(face, text);
      let encoded = embedded.words.get(shaped);
      if (encoded === undefined) {
        encoded = encode(shaped, embedded);
        embedded.words.set(shaped, encoded);
      }
      if (encoded !== null) {
        array.push(encoded);
        pen += shaped.width * perUnit;
        continue;
      }
      // Marks placed off the pen: each glyph at its own position.
      for (let i = 0; i < shaped.glyphs.length; i++) {
        const gid = embedded.include(shaped.glyphs[i] as number, shaped.natural[i] as number, shaped.codePoints[i] as number[]);
        const offset = shaped.offsets?.[i] ?? [0, 0];
        flush();
        moveTo(pen + offset[0] * perUnit, y + offset[1] * perUnit);
        parts.push(`[<${hex4(gid)}>] TJ`);
        pen += (shaped.advances[i] as number) * perUnit;
      }
      flush();
      moveTo(pen, y);
    }
  }
  flush();
}

/** A shaped word as a TJ array fragment (glyph ids, kerning in thousandths of an em), or null if it has offsets. */
function encode(shaped: Shaped, embedded: EmbeddedFace): string | null {
  if (shaped.offsets?.some((offset) => offset[0] !== 0 || offset[1] !== 0)) return null;
  const toThousandths = 1000 / embedded.face.unitsPerEm;
  const out: string[] = [];
  let hex = '';
  for (let i = 0; i < shaped.glyphs.length; i++) {
    const natural = shaped.natural[i] as number;
    hex += hex4(embedded.include(shaped.glyphs[i] as number, natural, shaped.codePoints[i] as number[]));
    const kern = (shaped.advances[i] as number) - natural;
    if (kern !== 0) {
      out.push(`<${hex}>`, num(-kern * toThousandths));
      hex = '';
    }
  }
  if (hex) out.push(`<${hex}>`);
  return out.join(' ');
}
