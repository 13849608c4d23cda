// The few tables of a TrueType or OpenType font that measuring text needs,
// read straight from the file's bytes: the character map (formats 4 and
// 12, chosen in fontkit's order of preference), advance widths (hmtx),
// units per em, ascent and descent (hhea), fixed pitch (post) and the GDEF
// glyph classes. fontkit decodes whole tables into objects on first use
// (the post table's glyph names, the cmap's arrays), which costs more than
// the few lookups a document makes; fontkit still embeds and subsets.
// Undefined for what this reader does not understand (WOFF, collections,
// other cmap formats): the caller then asks fontkit.

export interface Sfnt {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** Offsets of the tables by tag. */
  readonly tables: ReadonlyMap<string, number>;
  readonly unitsPerEm: number;
  /** hhea ascender and descender in font units (descent negative), as fontkit reports them. */
  readonly ascent: number;
  readonly descent: number;
  readonly fixedPitch: boolean;
  /** The glyph of a code point, 0 when the font has none. */
  glyph(codePoint: number): number;
  /** Advance width of a glyph in font units. */
  advance(glyph: number): number;
  /** GDEF class 3: a mark (combining) glyph. */
  isMark(glyph: number): boolean;
}

export function readSfnt(bytes: Uint8Array): Sfnt | undefined {
  try {
    return read(bytes);
  } catch {
    return undefined;
  }
}

function read(bytes: Uint8Array): Sfnt | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (offset: number) => view.getUint16(offset);
  const i16 = (offset: number) => view.getInt16(offset);
  const u32 = (offset: number) => view.getUint32(offset);
  const version = u32(0);
  if (version !== 0x00010000 && version !== 0x74727565 && version !== 0x4f54544f) return undefined;
  const tables = new Map<string, number>();
  for (let i = 0, count = u16(4); i < count; i++) {
    const record = 12 + i * 16;
    tables.set(String.fromCharCode(bytes[record] as number, bytes[record + 1] as number, bytes[record + 2] as number, bytes[record + 3] as number), u32(record + 8));
  }
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const cmap = tables.get('cmap');
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) return undefined;
  const lookup = cmapLookup(view, cmap);
  if (!lookup) return undefined;
  const metrics = u16(hhea + 34);
  if (metrics === 0) return undefined;
  const lastAdvance = u16(hmtx + (metrics - 1) * 4);
  const post = tables.get('post');
  const gdef = tables.get('GDEF');
  const classDef = gdef !== undefined && u16(gdef + 4) !== 0 ? gdef + u16(gdef + 4) : undefined;
  // GDEF classes looked up once per glyph (1: mark, 2: not).
  const marks = new Uint8Array(0x10000);
  return {
    bytes,
    view,
    tables,
    unitsPerEm: u16(head + 18) || 1000,
    ascent: i16(hhea + 4),
    descent: i16(hhea + 6),
    fixedPitch: post !== undefined && u32(post + 12) !== 0,
    glyph: lookup,
    advance: (glyph) => (glyph < metrics ? u16(hmtx + glyph * 4) : lastAdvance),
    isMark: (glyph) => {
      if (classDef === undefined) return false;
      let known = marks[glyph] ?? 0;
      if (known === 0) {
        known = classOf(view, classDef, glyph) === 3 ? 1 : 2;
        if (glyph < marks.length) marks[glyph] = known;
      }
      return known === 1;
    },
  };
}

/** The glyph lookup of the font's Unicode character map, as fontkit picks it. */
function cmapLookup(view: DataView, cmap: number): ((codePoint: number) => number) | undefined {
  const u16 = (offset: number) => view.getUint16(offset);
  const u32 = (offset: number) => view.getUint32(offset);
  const subtables: Array<{ platform: number; encoding: number; offset: number }> = [];
  for (let i = 0, count = u16(cmap + 2); i < count; i++) {
    const record = cmap + 4 + i * 8;
    subtables.push({ platform: u16(record), encoding: u16(record + 2), offset: cmap + u32(record + 4) });
  }
  const preference = [
    [3, 10],
    [0, 6],
    [0, 4],
    [3, 1],
    [0, 3],
    [0, 2],
    [0, 1],
    [0, 0],
  ];
  let table: number | undefined;
  for (const [platform, encoding] of preference) {
    table = subtables.find((entry) => entry.platform === platform && entry.encoding === encoding)?.offset;
    if (table !== undefined) break;
  }
  if (table === undefined) return undefined;
  const format = u16(table);
  if (format === 4) {
    const segCount = u16(table + 6) / 2;
    const endCodes = table + 14;
    const startCodes = endCodes + segCount * 2 + 2;
    const idDeltas = startCodes + segCount * 2;
    const idRangeOffsets = idDeltas + segCount * 2;
    return (codePoint) => {
      if (codePoint > 0xffff) return 0;
      let low = 0;
      let high = segCount - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (codePoint < u16(startCodes + mid * 2)) high = mid - 1;
        else if (codePoint > u16(endCodes + mid * 2)) low = mid + 1;
        else {
          const rangeOffset = u16(idRangeOffsets + mid * 2);
          const delta = u16(idDeltas + mid * 2);
          if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
          const at = idRangeOffsets + mid * 2 + rangeOffset + (codePoint - u16(startCodes + mid * 2)) * 2;
          const glyph = at + 2 <= view.byteLength ? u16(at) : 0;
          return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
        }
      }
      return 0;
    };
  }
  if (format === 12) {
    const groups = u32(table + 12);
    return (codePoint) => {
      let low = 0;
      let high = groups - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const group = table + 16 + mid * 12;
        if (codePoint < u32(group)) high = mid - 1;
        else if (codePoint > u32(group + 4)) low = mid + 1;
        else return u32(group + 8) + (codePoint - u32(group));
      }
      return 0;
    };
  }
  return undefined;
}

/** The class of a glyph in an OpenType class definition table. */
export function classOf(view: DataView, classDef: number, glyph: number): number {
  const u16 = (offset: number) => view.getUint16(offset);
  const format = u16(classDef);
  if (format === 1) {
    const start = u16(classDef + 2);
    const count = u16(classDef + 4);
    return glyph >= start && glyph < start + count ? u16(classDef + 6 + (glyph - start) * 2) : 0;
  }
  if (format !== 2) return 0;
  let low = 0;
  let high = u16(classDef + 2) - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const record = classDef + 4 + mid * 6;
    if (glyph < u16(record)) high = mid - 1;
    else if (glyph > u16(record + 2)) low = mid + 1;
    else return u16(record + 4);
  }
  return 0;
}

/** The index of a glyph in an OpenType coverage table, or -1. */
export function coverageIndex(view: DataView, coverage: number, glyph: number): number {
  const u16 = (offset: number) => view.getUint16(offset);
  const format = u16(coverage);
  const count = u16(coverage + 2);
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (format === 1) {
      const value = u16(coverage + 4 + mid * 2);
      if (value === glyph) return mid;
      if (value < glyph) low = mid + 1;
      else high = mid - 1;
    } else {
      const record = coverage + 4 + mid * 6;
      const start = u16(record);
      const end = u16(record + 2);
      if (glyph < start) high = mid - 1;
      else if (glyph > end) low = mid + 1;
      else return u16(record + 4) + glyph - start;
    }
  }
  return -1;
}
