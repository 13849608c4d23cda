// Pair kerning read straight from a font's GPOS table (the `kern` feature's
// pair-adjustment lookups), for the bundled TrueType fonts. fontkit decodes
// every lookup of a feature on first use (~20 ms a face, for each face a
// document uses) and costs ~20 µs a call; reading the few bytes one pair
// needs costs nothing. The result is checked against fontkit's shaping in
// the tests; fonts this reader does not understand (a value on the second
// glyph, a placement) return undefined and are shaped by fontkit.

/** Kerning of two glyphs in font units (0 when none). */
export type PairKerning = (left: number, right: number) => number;

interface Subtable {
  coverage: number;
  format: 1 | 2;
  valueFormat1: number;
  valueFormat2: number;
  /** Format 1: pair set offsets; format 2: class definitions and counts. */
  pairSets?: number;
  classDef1?: number;
  classDef2?: number;
  class1Count?: number;
  class2Count?: number;
  records?: number;
}

export interface PairTables {
  kern: PairKerning;
  /** Whether a `liga` ligature may start with this glyph (then fontkit shapes the pair). */
  startsLigature(glyph: number): boolean;
}

/** The `kern` pair kerning and `liga` first glyphs of `script` (e.g. `latn`, else `DFLT`), or undefined. */
export function pairTables(bytes: Uint8Array, script: string): PairTables | undefined {
  try {
    return read(bytes, script);
  } catch {
    return undefined;
  }
}

function read(bytes: Uint8Array, scriptTag: string): PairTables | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (offset: number) => view.getUint16(offset);
  const i16 = (offset: number) => view.getInt16(offset);
  const u32 = (offset: number) => view.getUint32(offset);
  const tag = (offset: number) => String.fromCharCode(bytes[offset] as number, bytes[offset + 1] as number, bytes[offset + 2] as number, bytes[offset + 3] as number);

  const version = u32(0);
  if (version !== 0x00010000 && version !== 0x74727565) return undefined; // TrueType outlines only
  const numTables = u16(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    tables.set(tag(record), u32(record + 8));
  }

  /** Offsets of the lookups of `feature` in a GSUB or GPOS table, in lookup order. */
  const featureLookups = (table: number, feature: string): number[] => {
    const scriptList = table + u16(table + 4);
    const featureList = table + u16(table + 6);
    const lookupList = table + u16(table + 8);
    const findScript = (wanted: string): number | undefined => {
      const count = u16(scriptList);
      for (let i = 0; i < count; i++) {
        const record = scriptList + 2 + i * 6;
        if (tag(record) === wanted) return scriptList + u16(record + 4);
      }
      return undefined;
    };
    // The script's default language system, or DFLT's.
    const script = findScript(scriptTag) ?? findScript('DFLT');
    if (script === undefined || u16(script) === 0) return [];
    const langSys = script + u16(script);
    const featureIndices: number[] = [];
    const required = u16(langSys + 2);
    if (required !== 0xffff) featureIndices.push(required);
    for (let i = 0, count = u16(langSys + 4); i < count; i++) featureIndices.push(u16(langSys + 6 + i * 2));
    const indices = new Set<number>();
    for (const index of featureIndices) {
      const record = featureList + 2 + index * 6;
      if (tag(record) !== feature) continue;
      const offset = featureList + u16(record + 4);
      for (let i = 0, count = u16(offset + 2); i < count; i++) indices.add(u16(offset + 4 + i * 2));
    }
    return [...indices].sort((a, b) => a - b).map((index) => lookupList + u16(lookupList + 2 + index * 2));
  };

  const gpos = tables.get('GPOS');
  const lookups: Subtable[][] = [];
  for (const lookup of gpos === undefined ? [] : featureLookups(gpos, 'kern')) {
    const type = u16(lookup);
    const subtables: Subtable[] = [];
    for (let i = 0, count = u16(lookup + 4); i < count; i++) {
      let subtable = lookup + u16(lookup + 6 + i * 2);
      if (type === 9) {
        const extensionType = u16(subtable + 2);
        subtable += u32(subtable + 4);
        if (extensionType !== 2) return undefined;
      } else if (type !== 2) return undefined;
      const format = u16(subtable);
      const valueFormat1 = u16(subtable + 4);
      const valueFormat2 = u16(subtable + 6);
      // Only an advance on the first glyph is understood here.
      if ((valueFormat1 & ~0x04 & 0xff) !== 0 || (valueFormat2 & 0xff) !== 0) return undefined;
      const entry: Subtable = { coverage: subtable + u16(subtable + 2), format: format as 1 | 2, valueFormat1, valueFormat2 };
      if (format === 1) entry.pairSets = subtable;
      else if (format === 2) {
        entry.classDef1 = subtable + u16(subtable + 8);
        entry.classDef2 = subtable + u16(subtable + 10);
        entry.class1Count = u16(subtable + 12);
        entry.class2Count = u16(subtable + 14);
        entry.records = subtable + 16;
      } else return undefined;
      subtables.push(entry);
    }
    lookups.push(subtables);
  }

  const valueSize = (format: number) => {
    let size = 0;
    for (let bit = format; bit; bit >>= 1) size += bit & 1;
    return size * 2;
  };
  const coverageIndex = (coverage: number, glyph: number): number => {
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
  };
  const classOf = (classDef: number, glyph: number): number => {
    const format = u16(classDef);
    if (format === 1) {
      const start = u16(classDef + 2);
      const count = u16(classDef + 4);
      return glyph >= start && glyph < start + count ? u16(classDef + 6 + (glyph - start) * 2) : 0;
    }
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
  };
  // xAdvance's position inside a value record of `format` (bit 0x04, after the set bits below it).
  const advanceOffset = (format: number) => ((format & 1) + ((format >> 1) & 1)) * 2;

  // First glyphs of the `liga` ligatures (GSUB ligature substitutions' coverage).
  const ligatureCoverages: number[] = [];
  const gsub = tables.get('GSUB');
  for (const lookup of gsub === undefined ? [] : featureLookups(gsub, 'liga')) {
    const type = u16(lookup);
    for (let i = 0, count = u16(lookup + 4); i < count; i++) {
      let subtable = lookup + u16(lookup + 6 + i * 2);
      if (type === 7) {
        if (u16(subtable + 2) !== 4) return undefined;
        subtable += u32(subtable + 4);
      } else if (type !== 4) return undefined;
      ligatureCoverages.push(subtable + u16(subtable + 2));
    }
  }

  const kern: PairKerning = (left, right) => {
    let total = 0;
    for (const subtables of lookups) {
      for (const subtable of subtables) {
        const index = coverageIndex(subtable.coverage, left);
        if (index < 0) continue;
        const size1 = valueSize(subtable.valueFormat1);
        const size2 = valueSize(subtable.valueFormat2);
        if (subtable.format === 1) {
          const pairSet = (subtable.pairSets as number) + u16((subtable.pairSets as number) + 10 + index * 2);
          const recordSize = 2 + size1 + size2;
          let low = 0;
          let high = u16(pairSet) - 1;
          let found = false;
          while (low <= high) {
            const mid = (low + high) >> 1;
            const record = pairSet + 2 + mid * recordSize;
            const second = u16(record);
            if (second === right) {
              if (subtable.valueFormat1 & 0x04) total += i16(record + 2 + advanceOffset(subtable.valueFormat1));
              found = true;
              break;
            }
            if (second < right) low = mid + 1;
            else high = mid - 1;
          }
          // A pair set without this pair: the next subtable may have it.
          if (!found) continue;
          break;
        }
        const class1 = classOf(subtable.classDef1 as number, left);
        const class2 = classOf(subtable.classDef2 as number, right);
        if (class1 >= (subtable.class1Count as number) || class2 >= (subtable.class2Count as number)) break;
        const record = (subtable.records as number) + (class1 * (subtable.class2Count as number) + class2) * (size1 + size2);
        if (subtable.valueFormat1 & 0x04) total += i16(record + advanceOffset(subtable.valueFormat1));
        break;
      }
    }
    return total;
  };
  return { kern, startsLigature: (glyph) => ligatureCoverages.some((coverage) => coverageIndex(coverage, glyph) >= 0) };
}
