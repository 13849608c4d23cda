// Ligatures and pair kerning read straight from a font's GSUB and GPOS
// tables (the `liga` feature's ligature substitutions, the `kern`
// feature's pair adjustments), for simple text: Latin, Greek, Cyrillic and
// symbols without marks. fontkit decodes every lookup of a feature on first
// use (~20 ms a face, for each face a document uses) and costs ~20 µs a
// call; reading the few bytes a word needs costs nothing. The result is
// checked against fontkit's shaping in the tests. Fonts with lookups this
// reader does not understand (a value on the second glyph, a placement,
// lookup flags other than "ignore marks") get undefined and are shaped by
// fontkit; contextual kerning rules are honoured by sending the words that
// contain a glyph such a rule starts at to fontkit.
import { classOf, coverageIndex, type Sfnt } from './sfnt.js';

export interface SimpleTables {
  /** Kerning of two glyphs in font units (0 when none). */
  kern(left: number, right: number): number;
  /** Applies the ligatures to glyphs (and merges their code points), in place. */
  ligate(glyphs: number[], codePoints: number[][]): void;
  /** Whether a contextual kerning rule may start at this glyph (fontkit then shapes the word). */
  contextual(glyph: number): boolean;
}

interface PairSubtable {
  coverage: number;
  format: 1 | 2;
  valueFormat1: number;
  valueFormat2: number;
  /** Format 1: the subtable (pair set offsets follow); format 2: class definitions and counts. */
  pairSets?: number;
  classDef1?: number;
  classDef2?: number;
  class1Count?: number;
  class2Count?: number;
  records?: number;
}

/** The `liga` ligatures and `kern` pair kerning of `script` (e.g. `latn`, else `DFLT`), or undefined. */
export function simpleTables(font: Sfnt, script: string): SimpleTables | undefined {
  try {
    return read(font, script);
  } catch {
    return undefined;
  }
}

function read(font: Sfnt, scriptTag: string): SimpleTables | undefined {
  const { view, bytes, tables } = font;
  const u16 = (offset: number) => view.getUint16(offset);
  const i16 = (offset: number) => view.getInt16(offset);
  const u32 = (offset: number) => view.getUint32(offset);
  const tag = (offset: number) => String.fromCharCode(bytes[offset] as number, bytes[offset + 1] as number, bytes[offset + 2] as number, bytes[offset + 3] as number);
  const covers = (coverage: number, glyph: number) => coverageIndex(view, coverage, glyph);

  /** Offsets of the lookups of `feature` in a GSUB or GPOS table, in lookup order. */
  const featureLookups = (table: number, feature: string): number[] => {
    const scriptList = table + u16(table + 4);
    const featureList = table + u16(table + 6);
    const lookupList = table + u16(table + 8);
    const findScript = (wanted: string): number | undefined => {
      for (let i = 0, count = u16(scriptList); i < count; i++) {
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
  /** A lookup's type and subtables, extension subtables resolved. */
  const subtablesOf = (lookup: number, extensionType: number): { type: number; flags: number; subtables: number[] } | undefined => {
    let type = u16(lookup);
    const subtables: number[] = [];
    for (let i = 0, count = u16(lookup + 4); i < count; i++) {
      let subtable = lookup + u16(lookup + 6 + i * 2);
      if (u16(lookup) === extensionType) {
        const real = u16(subtable + 2);
        if (i === 0) type = real;
        else if (real !== type) return undefined;
        subtable += u32(subtable + 4);
      }
      subtables.push(subtable);
    }
    return { type, flags: u16(lookup + 2), subtables };
  };
  // Lookup flags understood for pairs and ligatures: right-to-left and "ignore marks" (marks never reach this reader).
  const plainFlags = (flags: number) => (flags & ~0x09) === 0;

  // GPOS kern: pair adjustments, and the first glyphs of contextual rules.
  const gpos = tables.get('GPOS');
  const pairLookups: PairSubtable[][] = [];
  const contextCoverages: number[] = [];
  for (const lookup of gpos === undefined ? [] : featureLookups(gpos, 'kern')) {
    const resolved = subtablesOf(lookup, 9);
    if (!resolved) return undefined;
    if (resolved.type === 7 || resolved.type === 8) {
      for (const subtable of resolved.subtables) {
        const coverage = contextCoverage(view, subtable, resolved.type);
        if (coverage === undefined) return undefined;
        contextCoverages.push(coverage);
      }
      continue;
    }
    if (resolved.type !== 2 || !plainFlags(resolved.flags)) return undefined;
    const subtables: PairSubtable[] = [];
    for (const subtable of resolved.subtables) {
      const format = u16(subtable);
      const valueFormat1 = u16(subtable + 4);
      const valueFormat2 = u16(subtable + 6);
      // Only an advance on the first glyph is understood here.
      if ((valueFormat1 & ~0x04 & 0xff) !== 0 || (valueFormat2 & 0xff) !== 0) return undefined;
      const entry: PairSubtable = { coverage: subtable + u16(subtable + 2), format: format as 1 | 2, valueFormat1, valueFormat2 };
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
    pairLookups.push(subtables);
  }

  // GSUB liga: ligature substitutions.
  const gsub = tables.get('GSUB');
  const ligatureLookups: number[][] = [];
  for (const lookup of gsub === undefined ? [] : featureLookups(gsub, 'liga')) {
    const resolved = subtablesOf(lookup, 7);
    if (!resolved || resolved.type !== 4 || !plainFlags(resolved.flags)) return undefined;
    if (resolved.subtables.some((subtable) => u16(subtable) !== 1)) return undefined;
    ligatureLookups.push(resolved.subtables);
  }

  const valueSize = (format: number) => {
    let size = 0;
    for (let bit = format; bit; bit >>= 1) size += bit & 1;
    return size * 2;
  };
  // xAdvance's position inside a value record of `format` (bit 0x04, after the set bits below it).
  const advanceOffset = (format: number) => ((format & 1) + ((format >> 1) & 1)) * 2;
  const classOfGlyph = (classDef: number, glyph: number) => classOf(view, classDef, glyph);

  const kern = (left: number, right: number): number => {
    let total = 0;
    for (const subtables of pairLookups) {
      for (const subtable of subtables) {
        const index = covers(subtable.coverage, left);
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
        const class1 = classOfGlyph(subtable.classDef1 as number, left);
        const class2 = classOfGlyph(subtable.classDef2 as number, right);
        if (class1 >= (subtable.class1Count as number) || class2 >= (subtable.class2Count as number)) break;
        const record = (subtable.records as number) + (class1 * (subtable.class2Count as number) + class2) * (size1 + size2);
        if (subtable.valueFormat1 & 0x04) total += i16(record + advanceOffset(subtable.valueFormat1));
        break;
      }
    }
    return total;
  };

  // What is known of each glyph: bit 1 known, 2 starts a contextual kerning rule, 4 may start a ligature.
  const flags = new Uint8Array(0x10000);
  const flagsOf = (glyph: number): number => {
    let known = flags[glyph] ?? 0;
    if (known === 0) {
      known = 1;
      if (contextCoverages.some((coverage) => covers(coverage, glyph) >= 0)) known |= 2;
      if (ligatureLookups.some((subtables) => subtables.some((subtable) => covers(subtable + u16(subtable + 2), glyph) >= 0))) known |= 4;
      if (glyph < flags.length) flags[glyph] = known;
    }
    return known;
  };
  // Pairs repeat from word to word: each is looked up in the tables once.
  const kerned = new Map<number, number>();

  const ligate = (glyphs: number[], codePoints: number[][]): void => {
    if (!glyphs.some((glyph) => flagsOf(glyph) & 4)) return;
    for (const subtables of ligatureLookups) {
      for (let i = 0; i < glyphs.length; i++) {
        for (const subtable of subtables) {
          const index = covers(subtable + u16(subtable + 2), glyphs[i] as number);
          if (index < 0) continue;
          const set = subtable + u16(subtable + 6 + index * 2);
          let applied = false;
          for (let k = 0, count = u16(set); k < count && !applied; k++) {
            const ligature = set + u16(set + 2 + k * 2);
            const components = u16(ligature + 2);
            if (i + components > glyphs.length) continue;
            let match = true;
            for (let c = 1; c < components && match; c++) match = glyphs[i + c] === u16(ligature + 4 + (c - 1) * 2);
            if (!match) continue;
            glyphs.splice(i, components, u16(ligature));
            const merged = codePoints.splice(i, components).flat();
            codePoints.splice(i, 0, merged);
            applied = true;
          }
          if (applied) break;
        }
      }
    }
  };

  return {
    kern: (left, right) => {
      const key = left * 0x10000 + right;
      let value = kerned.get(key);
      if (value === undefined) {
        value = kern(left, right);
        kerned.set(key, value);
      }
      return value;
    },
    ligate,
    contextual: (glyph) => (flagsOf(glyph) & 2) !== 0,
  };
}

/** The coverage of the first input glyph of a (chained) contextual positioning subtable. */
function contextCoverage(view: DataView, subtable: number, type: 7 | 8 | number): number | undefined {
  const u16 = (offset: number) => view.getUint16(offset);
  const format = u16(subtable);
  if (format === 1 || format === 2) return subtable + u16(subtable + 2);
  if (format !== 3) return undefined;
  if (type === 7) return u16(subtable + 2) > 0 ? subtable + u16(subtable + 6) : undefined;
  const backtrack = u16(subtable + 2);
  const inputCount = subtable + 4 + backtrack * 2;
  return u16(inputCount) > 0 ? subtable + u16(inputCount + 2) : undefined;
}

