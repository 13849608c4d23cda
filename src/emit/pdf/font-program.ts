// What pdfkit's embedded font reads from a font (its metrics, names and a
// subsetter), answered from the font's own tables (sfnt.ts, subset.ts)
// rather than from a fontkit font: a document that needs no complex
// shaping then never loads fontkit at all. pdfkit's own text drawing (the
// text of SVG images) still shapes through fontkit, which `layout` loads on
// its first call. Fonts without TrueType outlines (CFF) get undefined: they
// are embedded through fontkit as before.
import type * as fontkit from 'fontkit';
import type { Sfnt } from './sfnt.js';
import { trueTypeSubset, type FontSubset } from './subset.js';

/** The part of a fontkit font that pdfkit's EmbeddedFont uses. */
export interface FontProgram {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  xHeight: number;
  capHeight: number;
  italicAngle: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  'OS/2': { sFamilyClass: number };
  post: { isFixedPitch: boolean };
  head: { macStyle: { italic: boolean } };
  createSubset(): FontSubset;
  getGlyph(id: number): { advanceWidth: number };
  layout(text: string, features?: unknown): fontkit.GlyphRun;
}

/** pdfkit's view of a TrueType font, or undefined when it is not one (then fontkit's font is used). */
export function fontProgram(font: Sfnt, full: () => fontkit.Font): FontProgram | undefined {
  if (!trueTypeSubset(font)) return undefined;
  const { view, tables } = font;
  const head = tables.get('head') as number;
  const hhea = tables.get('hhea') as number;
  const os2 = tables.get('OS/2');
  const post = tables.get('post');
  const os2Version = os2 === undefined ? -1 : view.getUint16(os2);
  return {
    postscriptName: postscriptName(font) ?? 'Font',
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    lineGap: view.getInt16(hhea + 8),
    xHeight: os2 !== undefined && os2Version >= 2 ? view.getInt16(os2 + 86) : 0,
    capHeight: os2 !== undefined && os2Version >= 2 ? view.getInt16(os2 + 88) : 0,
    italicAngle: post === undefined ? 0 : view.getInt32(post + 4) / 65536,
    bbox: { minX: view.getInt16(head + 36), minY: view.getInt16(head + 38), maxX: view.getInt16(head + 40), maxY: view.getInt16(head + 42) },
    'OS/2': { sFamilyClass: os2 === undefined ? 0 : view.getInt16(os2 + 30) },
    post: { isFixedPitch: font.fixedPitch },
    head: { macStyle: { italic: (view.getUint16(head + 44) & 2) !== 0 } },
    createSubset: () => trueTypeSubset(font) as FontSubset,
    getGlyph: (id) => ({ advanceWidth: font.advance(id) }),
    layout: (text, features) => full().layout(text, features as Record<string, boolean>),
  };
}

/** The PostScript name (name ID 6), from the Windows (UTF-16) or the Macintosh (Roman) record. */
export function postscriptName(font: Sfnt): string | undefined {
  const { view, tables, bytes } = font;
  const name = tables.get('name');
  if (name === undefined) return undefined;
  const count = view.getUint16(name + 2);
  const strings = name + view.getUint16(name + 4);
  let mac: string | undefined;
  for (let i = 0; i < count; i++) {
    const record = name + 6 + i * 12;
    if (view.getUint16(record + 6) !== 6) continue;
    const platform = view.getUint16(record);
    const length = view.getUint16(record + 8);
    const start = strings + view.getUint16(record + 10);
    if (platform === 3 || platform === 0) {
      let value = '';
      for (let at = start; at + 1 < start + length; at += 2) value += String.fromCharCode(view.getUint16(at));
      return value;
    }
    if (platform === 1) mac ??= String.fromCharCode(...bytes.subarray(start, start + length));
  }
  return mac;
}
