// TrueType subsets for embedding, written straight from the font's bytes:
// the glyphs used (glyph 0 first, then in order of first use, then the
// components of composite glyphs), with the tables a PDF font program
// needs (head, hhea, maxp, loca, glyf, hmtx and the hinting tables cvt,
// fpgm and prep copied as they are). It does what fontkit's subsetter does
// for pdfkit without decoding every glyph and table into objects first,
// which is most of the cost of embedding a face.
import type { Sfnt } from './sfnt.js';

export interface FontSubset {
  /** The subset's glyph id for a glyph of the font (added on first use). */
  includeGlyph(glyph: number): number;
  /** The subset font file. */
  encode(): Uint8Array;
}

/** A subsetter for TrueType-outline fonts, or undefined (CFF outlines, missing tables). */
export function trueTypeSubset(font: Sfnt): FontSubset | undefined {
  const { tables, view, bytes } = font;
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  const hmtx = tables.get('hmtx');
  if (head === undefined || hhea === undefined || maxp === undefined || loca === undefined || glyf === undefined || hmtx === undefined) return undefined;
  const u16 = (offset: number) => view.getUint16(offset);
  const longOffsets = view.getInt16(head + 50) === 1;
  const numGlyphs = u16(maxp + 4);
  const metrics = u16(hhea + 34);
  const glyphStart = (glyph: number) => (longOffsets ? view.getUint32(loca + glyph * 4) : u16(loca + glyph * 2) * 2);
  const lengthOf = (tag: string): number => {
    for (let i = 0, count = u16(4); i < count; i++) {
      const record = 12 + i * 16;
      if (String.fromCharCode(bytes[record] as number, bytes[record + 1] as number, bytes[record + 2] as number, bytes[record + 3] as number) === tag) return view.getUint32(record + 12);
    }
    return 0;
  };
  const raw = (tag: string): Uint8Array | undefined => {
    const offset = tables.get(tag);
    return offset === undefined ? undefined : bytes.subarray(offset, offset + lengthOf(tag));
  };

  const glyphs: number[] = [];
  const mapping = new Map<number, number>();
  const includeGlyph = (glyph: number): number => {
    const id = glyph >= 0 && glyph < numGlyphs ? glyph : 0;
    let mapped = mapping.get(id);
    if (mapped === undefined) {
      mapped = glyphs.length;
      glyphs.push(id);
      mapping.set(id, mapped);
    }
    return mapped;
  };
  includeGlyph(0);

  const encode = (): Uint8Array => {
    const pieces: Uint8Array[] = [];
    const offsets: number[] = [];
    let size = 0;
    // Composite glyphs add their components to the end of the list as it grows.
    for (let index = 0; index < glyphs.length; index++) {
      const glyph = glyphs[index] as number;
      const start = glyphStart(glyph);
      const end = glyphStart(glyph + 1);
      let data = copy(bytes, glyf + start, glyf + Math.max(end, start));
      if (data.length >= 10 && new DataView(data.buffer).getInt16(0) < 0) data = remapComponents(data, includeGlyph);
      offsets.push(size);
      const padded = (data.length + 3) & ~3;
      if (padded !== data.length) {
        const copy = new Uint8Array(padded);
        copy.set(data);
        data = copy;
      }
      pieces.push(data);
      size += data.length;
    }
    offsets.push(size);
    const count = glyphs.length;

    const glyfTable = concat(pieces, size);
    const locaTable = new Uint8Array(offsets.length * 4);
    const locaView = new DataView(locaTable.buffer);
    offsets.forEach((offset, i) => locaView.setUint32(i * 4, offset));
    const hmtxTable = new Uint8Array(count * 4);
    const hmtxView = new DataView(hmtxTable.buffer);
    glyphs.forEach((glyph, i) => {
      const advance = glyph < metrics ? u16(hmtx + glyph * 4) : u16(hmtx + (metrics - 1) * 4);
      const bearing = glyph < metrics ? view.getInt16(hmtx + glyph * 4 + 2) : view.getInt16(hmtx + metrics * 4 + (glyph - metrics) * 2);
      hmtxView.setUint16(i * 4, advance);
      hmtxView.setInt16(i * 4 + 2, bearing);
    });
    const headTable = copy(bytes, head, head + 54);
    const headView = new DataView(headTable.buffer);
    headView.setUint32(8, 0);
    headView.setInt16(50, 1);
    const hheaTable = copy(bytes, hhea, hhea + 36);
    new DataView(hheaTable.buffer).setUint16(34, count);
    const maxpTable = copy(bytes, maxp, maxp + lengthOf('maxp'));
    new DataView(maxpTable.buffer).setUint16(4, count);

    const out = new Map<string, Uint8Array>([
      ['glyf', glyfTable],
      ['head', headTable],
      ['hhea', hheaTable],
      ['hmtx', hmtxTable],
      ['loca', locaTable],
      ['maxp', maxpTable],
    ]);
    for (const tag of ['cvt ', 'fpgm', 'prep']) {
      const table = raw(tag);
      if (table && table.length > 0) out.set(tag, table);
    }
    return writeFont(out);
  };
  return { includeGlyph, encode };
}

/** A copy of part of the bytes (a Node Buffer's `slice` would be a view of the font file). */
function copy(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(Math.max(end - start, 0));
  out.set(bytes.subarray(start, end));
  return out;
}

/** A composite glyph with its components' ids mapped into the subset. */
function remapComponents(data: Uint8Array, include: (glyph: number) => number): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 10;
  for (;;) {
    if (offset + 4 > data.length) break;
    const flags = view.getUint16(offset);
    view.setUint16(offset + 2, include(view.getUint16(offset + 2)));
    offset += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) offset += 2;
    else if (flags & 0x0040) offset += 4;
    else if (flags & 0x0080) offset += 8;
    if (!(flags & 0x0020)) break;
  }
  return data;
}

function concat(pieces: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

function checksum(data: Uint8Array): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < data.length ? (data[i] as number) : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** An sfnt file of the tables (sorted by tag), with checksums and the head's checksum adjustment. */
function writeFont(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  let power = 1;
  while (power * 2 <= count) power *= 2;
  const headerSize = 12 + count * 16;
  let size = headerSize;
  for (const tag of tags) size += ((tables.get(tag) as Uint8Array).length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, count * 16 - power * 16);
  let offset = headerSize;
  let headOffset = -1;
  tags.forEach((tag, i) => {
    const table = tables.get(tag) as Uint8Array;
    const record = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[record + c] = tag.charCodeAt(c);
    view.setUint32(record + 4, checksum(table));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, table.length);
    out.set(table, offset);
    if (tag === 'head') headOffset = offset;
    offset += (table.length + 3) & ~3;
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
