// Fonts for the PDF: the theme's families resolved to font files from npm
// packages (Noto Serif, Noto Sans, Noto Sans Mono), user font files read
// through the IO gate, and a fallback chain (DejaVu Sans, which covers
// arrows, maths signs and most symbols) so that any character a font of the
// chain covers is drawn. Each face is opened once per process, and only when
// a document needs it; each word is shaped once per face and the same shapes
// serve to measure and to draw. Simple words (Latin, Greek, Cyrillic without
// combining marks) are shaped from the glyph of each character and the
// kerning of each pair, read from the font's GPOS table (kerning.ts) or
// shaped by fontkit pair by pair, with fontkit shaping any word that forms a
// ligature; everything else is shaped whole by fontkit (marks, other
// scripts). Tests check that both give fontkit's own result.
import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontKey, Theme } from '../../theme/theme.js';
import { pairTables, type PairTables } from './kerning.js';
import type { FontSpec, Metrics } from './model.js';

export type FaceStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** One font file, shaped and measured. */
export interface Face {
  /** Stable name: the family and style (`Noto Serif/bold`), or `user:N/…`. */
  readonly id: string;
  readonly font: fontkit.Font;
  /** No italic file: the paint step slants the upright one. */
  readonly oblique: boolean;
  /** Ascent and descent (positive) as fractions of the font size. */
  readonly ascent: number;
  readonly descent: number;
  readonly unitsPerEm: number;
  /** Words shaped so far (per process). */
  readonly shapes: Map<string, Shaped>;
  /** The font file (TrueType), for reading kerning directly. */
  readonly bytes?: Uint8Array;
  covers(codePoint: number): boolean;
}

/** A word as glyphs: ids, advances (font units, kerning included), code points per glyph. */
export interface Shaped {
  glyphs: number[];
  advances: number[];
  /** Each glyph's own advance (font units), before kerning. */
  natural: number[];
  /** Mark offsets in font units, only when a glyph is offset. */
  offsets?: Array<[number, number]>;
  codePoints: number[][];
  /** Total advance in font units. */
  width: number;
}

interface BundledFamily {
  pkg: string;
  files: Record<FaceStyle, { file: string; oblique?: boolean }>;
}

const notoFiles = (prefix: string): BundledFamily['files'] => ({
  regular: { file: `400Regular/${prefix}_400Regular.ttf` },
  bold: { file: `700Bold/${prefix}_700Bold.ttf` },
  italic: { file: `400Regular_Italic/${prefix}_400Regular_Italic.ttf` },
  boldItalic: { file: `700Bold_Italic/${prefix}_700Bold_Italic.ttf` },
});

/** Families shipped with galley, by the name the theme uses (`fonts.*.pdf`). */
export const bundledFamilies: Record<string, BundledFamily> = {
  'Noto Serif': { pkg: '@expo-google-fonts/noto-serif', files: notoFiles('NotoSerif') },
  'Noto Sans': { pkg: '@expo-google-fonts/noto-sans', files: notoFiles('NotoSans') },
  'Noto Sans Mono': {
    pkg: '@expo-google-fonts/noto-sans-mono',
    files: {
      regular: { file: '400Regular/NotoSansMono_400Regular.ttf' },
      bold: { file: '700Bold/NotoSansMono_700Bold.ttf' },
      italic: { file: '400Regular/NotoSansMono_400Regular.ttf', oblique: true },
      boldItalic: { file: '700Bold/NotoSansMono_700Bold.ttf', oblique: true },
    },
  },
  'DejaVu Sans': {
    pkg: 'dejavu-fonts-ttf',
    files: {
      regular: { file: 'ttf/DejaVuSans.ttf' },
      bold: { file: 'ttf/DejaVuSans-Bold.ttf' },
      italic: { file: 'ttf/DejaVuSans-Oblique.ttf' },
      boldItalic: { file: 'ttf/DejaVuSans-BoldOblique.ttf' },
    },
  },
  'DejaVu Sans Mono': {
    pkg: 'dejavu-fonts-ttf',
    files: {
      regular: { file: 'ttf/DejaVuSansMono.ttf' },
      bold: { file: 'ttf/DejaVuSansMono-Bold.ttf' },
      italic: { file: 'ttf/DejaVuSansMono-Oblique.ttf' },
      boldItalic: { file: 'ttf/DejaVuSansMono-BoldOblique.ttf' },
    },
  },
};

const defaultFamilies: Record<FontKey, string> = { serif: 'Noto Serif', sans: 'Noto Sans', mono: 'Noto Sans Mono' };
/** Tried after a family's own faces and the user's fonts. */
const fallbacks: Record<FontKey, string[]> = {
  serif: ['DejaVu Sans'],
  sans: ['DejaVu Sans'],
  mono: ['DejaVu Sans Mono', 'DejaVu Sans'],
};

const chainKeys = Object.fromEntries(
  (['serif', 'sans', 'mono'] as const).map((font) => [font, Object.fromEntries((['regular', 'bold', 'italic', 'boldItalic'] as const).map((style) => [style, `${font}/${style}`]))]),
) as Record<FontKey, Record<FaceStyle, string>>;

const require = createRequire(import.meta.url);
const packageDirs = new Map<string, string>();
/** Faces by file path (bundled) or `user:<path>:<size>`: opened once per process. */
const faceCache = new Map<string, Face>();
/** Shapes kept per face before the cache is cleared (bounds memory in long runs). */
const maxShapesPerFace = 200_000;

function packageDir(pkg: string): string {
  let dir = packageDirs.get(pkg);
  if (!dir) {
    dir = path.dirname(require.resolve(`${pkg}/package.json`));
    packageDirs.set(pkg, dir);
  }
  return dir;
}

export function styleOf(spec: Pick<FontSpec, 'bold' | 'italic'>): FaceStyle {
  return spec.bold ? (spec.italic ? 'boldItalic' : 'bold') : spec.italic ? 'italic' : 'regular';
}

function bundledFace(family: string, style: FaceStyle): Face {
  const entry = bundledFamilies[family] as BundledFamily;
  const { file, oblique } = entry.files[style];
  const full = path.join(packageDir(entry.pkg), file);
  const key = `${full}${oblique ? '#oblique' : ''}`;
  let face = faceCache.get(key);
  if (!face) {
    const bytes = readFileSync(full);
    face = makeFace(`${family}/${style}`, fontkit.create(bytes), Boolean(oblique), bytes);
    faceCache.set(key, face);
  }
  return face;
}

/** A face from font bytes (a user's font file); throws when fontkit cannot read them. */
export function userFace(index: number, key: string, bytes: Uint8Array): Face {
  const cacheKey = `user:${key}:${bytes.length}`;
  let face = faceCache.get(cacheKey);
  if (!face) {
    if (!looksLikeFont(bytes)) throw new Error('not a TrueType, OpenType or WOFF font');
    const font = fontkit.create(bytes) as fontkit.Font | { fonts?: unknown };
    if (typeof (font as fontkit.Font).layout !== 'function') throw new Error('font collections are not supported; name one font file');
    face = makeFace(`user:${index}/${(font as fontkit.Font).postscriptName ?? 'font'}`, font as fontkit.Font, false);
    faceCache.set(cacheKey, face);
  }
  return face;
}

export function looksLikeFont(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const tag = String.fromCharCode(bytes[0] as number, bytes[1] as number, bytes[2] as number, bytes[3] as number);
  return tag === '\u0000\u0001\u0000\u0000' || tag === 'OTTO' || tag === 'true' || tag === 'wOFF' || tag === 'wOF2';
}

function makeFace(id: string, font: fontkit.Font, oblique: boolean, bytes?: Uint8Array): Face {
  const unitsPerEm = font.unitsPerEm || 1000;
  const bmp = new Int8Array(0x10000);
  const astral = new Map<number, boolean>();
  return {
    id,
    font,
    oblique,
    unitsPerEm,
    ascent: Math.abs(font.ascent) / unitsPerEm,
    descent: Math.abs(font.descent) / unitsPerEm,
    shapes: new Map(),
    ...(bytes ? { bytes } : {}),
    covers(codePoint) {
      if (codePoint < 0x10000) {
        let known = bmp[codePoint] as number;
        if (known === 0) {
          known = font.hasGlyphForCodePoint(codePoint) ? 1 : -1;
          bmp[codePoint] = known;
        }
        return known === 1;
      }
      let known = astral.get(codePoint);
      if (known === undefined) {
        known = font.hasGlyphForCodePoint(codePoint);
        astral.set(codePoint, known);
      }
      return known;
    },
  };
}

/** Characters that are never drawn: zero-width controls, the soft hyphen, variation selectors. */
export function isIgnorable(codePoint: number): boolean {
  return (
    codePoint === 0xad ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x2060 && codePoint <= 0x2064) ||
    codePoint === 0xfeff ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint < 0x20
  );
}

export function shape(face: Face, text: string): Shaped {
  let shaped = face.shapes.get(text);
  if (shaped) return shaped;
  shaped = isSimpleText(text) ? shapeByPairs(face, text) : undefined;
  if (shaped) {
    if (face.shapes.size >= maxShapesPerFace) face.shapes.clear();
    face.shapes.set(text, shaped);
    return shaped;
  }
  // Simple text gets ligatures and kerning only: decoding the mark and
  // composition lookups of a Noto font costs ~60 ms per face, for nothing
  // when there are no combining marks. Other text gets full shaping.
  const run = face.font.layout(text, isSimpleText(text) ? simpleFeatures() : undefined);
  const glyphs: number[] = [];
  const advances: number[] = [];
  const natural: number[] = [];
  const codePoints: number[][] = [];
  let offsets: Array<[number, number]> | undefined;
  let width = 0;
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index] as fontkit.GlyphPosition;
    glyphs.push(glyph.id);
    advances.push(position.xAdvance);
    natural.push(glyph.advanceWidth);
    codePoints.push(glyph.codePoints);
    width += position.xAdvance;
    if (position.xOffset || position.yOffset) {
      offsets ??= run.glyphs.map(() => [0, 0] as [number, number]);
      offsets[index] = [position.xOffset, position.yOffset];
    }
  });
  shaped = offsets ? { glyphs, advances, natural, codePoints, width, offsets } : { glyphs, advances, natural, codePoints, width };
  if (face.shapes.size >= maxShapesPerFace) face.shapes.clear();
  face.shapes.set(text, shaped);
  return shaped;
}

export interface FontSetOptions {
  theme: Theme;
  /** User faces (a CJK font…), tried after each family's own face. */
  userFaces?: readonly Face[];
}

/**
 * The faces one document draws with. `split` assigns each character to the
 * first face of its chain that covers it and remembers those no face covers.
 */
export class FontSet implements Metrics {
  /** Code points no face of their chain covers (drawn as the font's empty box). */
  readonly missing = new Set<number>();
  /** Families the theme names that galley does not ship (the default is used). */
  readonly unknownFamilies: string[] = [];
  private readonly families: Record<FontKey, string>;
  private readonly chains = new Map<string, Array<() => Face>>();
  private readonly used = new Map<string, Face>();
  private readonly userFaces: readonly Face[];

  constructor(options: FontSetOptions) {
    this.userFaces = options.userFaces ?? [];
    const families = {} as Record<FontKey, string>;
    for (const key of Object.keys(defaultFamilies) as FontKey[]) {
      const named = options.theme.fonts[key].pdf;
      if (Object.hasOwn(bundledFamilies, named)) families[key] = named;
      else {
        families[key] = defaultFamilies[key];
        this.unknownFamilies.push(named);
      }
    }
    this.families = families;
  }

  /** The face with this id, once `split` has handed it out. */
  face(id: string): Face {
    const face = this.used.get(id);
    if (!face) throw new Error(`face ${id} was not used by the layout`);
    return face;
  }

  private chain(spec: FontSpec): Array<() => Face> {
    const style = styleOf(spec);
    const key = chainKeys[spec.font][style];
    let chain = this.chains.get(key);
    if (!chain) {
      const lazy = (family: string) => {
        let face: Face | undefined;
        return () => (face ??= bundledFace(family, style));
      };
      chain = [
        lazy(this.families[spec.font]),
        ...this.userFaces.map((face) => () => face),
        ...fallbacks[spec.font].map(lazy),
      ];
      this.chains.set(key, chain);
    }
    return chain;
  }

  private remember(face: Face): Face {
    if (!this.used.has(face.id)) this.used.set(face.id, face);
    return face;
  }

  primary(spec: FontSpec): Face {
    return this.remember((this.chain(spec)[0] as () => Face)());
  }

  split(spec: FontSpec, text: string): Array<{ face: string; text: string }> {
    const chain = this.chain(spec);
    const primary = (chain[0] as () => Face)();
    // Fast path: everything in the first face.
    let simple = true;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x20 || code >= 0xd800 || !primary.covers(code) || isIgnorable(code)) {
        simple = false;
        break;
      }
    }
    if (simple) {
      this.remember(primary);
      return text ? [{ face: primary.id, text }] : [];
    }
    const runs: Array<{ face: string; text: string }> = [];
    let current: Face | undefined;
    let buffer = '';
    for (const char of text) {
      const codePoint = char.codePointAt(0) as number;
      if (isIgnorable(codePoint)) continue;
      let face: Face | undefined;
      // A combining mark stays with its base character's face when that face has it.
      if (current && isMark(codePoint) && current.covers(codePoint)) face = current;
      for (let i = 0; !face && i < chain.length; i++) {
        const candidate = (chain[i] as () => Face)();
        if (candidate.covers(codePoint)) face = candidate;
      }
      if (!face) {
        if (!isSpace(codePoint)) this.missing.add(codePoint);
        face = primary;
      }
      if (face !== current) {
        if (current && buffer) runs.push({ face: this.remember(current).id, text: buffer });
        current = face;
        buffer = '';
      }
      buffer += char;
    }
    if (current && buffer) runs.push({ face: this.remember(current).id, text: buffer });
    return runs;
  }

  width(faceId: string, text: string, size: number): number {
    const face = this.face(faceId);
    return (shape(face, text).width * size) / face.unitsPerEm;
  }

  prefetch(words: ReadonlyArray<{ face: string; text: string }>): void {
    const byFace = new Map<string, string[]>();
    for (const word of words) {
      const list = byFace.get(word.face);
      if (list) list.push(word.text);
      else byFace.set(word.face, [word.text]);
    }
    for (const [id, texts] of byFace) prefetchShapes(this.face(id), texts);
  }

  vertical(faceId: string): { ascent: number; descent: number } {
    const face = this.face(faceId);
    return { ascent: face.ascent, descent: face.descent };
  }
}

function isMark(codePoint: number): boolean {
  return (
    (codePoint >= 0x0300 && codePoint <= 0x036f) ||
    (codePoint >= 0x1ab0 && codePoint <= 0x1aff) ||
    (codePoint >= 0x1dc0 && codePoint <= 0x1dff) ||
    (codePoint >= 0x20d0 && codePoint <= 0x20ff) ||
    (codePoint >= 0xfe20 && codePoint <= 0xfe2f)
  );
}

function isSpace(codePoint: number): boolean {
  return codePoint === 0x20 || codePoint === 0xa0 || (codePoint >= 0x2000 && codePoint <= 0x200a) || codePoint === 0x202f || codePoint === 0x205f || codePoint === 0x3000;
}

interface PairCache {
  glyphs: Map<number, { id: number; advance: number }>;
  /** Kerning of a pair of code points in font units; NaN when the pair forms a ligature. */
  kerning: Map<number, number>;
  /** The font's own kerning and ligature tables by script, read directly (null: not readable). */
  tables: Map<string, PairTables | null>;
  /** Pairs that may ligate (their first glyph starts a ligature): whether they do. */
  ligatures: Map<number, boolean>;
}

/** The OpenType script of a simple word: its first Latin, Greek or Cyrillic letter's, else DFLT (as fontkit chooses). */
function scriptOf(points: readonly number[]): string {
  for (const cp of points) {
    if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0xaa || cp === 0xba || (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) || (cp >= 0x1e00 && cp <= 0x1eff)) return 'latn';
    if ((cp >= 0x370 && cp <= 0x3ff && cp !== 0x37e && cp !== 0x387) || (cp >= 0x1f00 && cp <= 0x1fff)) return 'grek';
    if (cp >= 0x400 && cp <= 0x52f) return 'cyrl';
  }
  return 'DFLT';
}

function tablesFor(face: Face, cache: PairCache, script: string): PairTables | undefined {
  let tables = cache.tables.get(script);
  if (tables === undefined) {
    tables = (face.bytes && pairTables(face.bytes, script)) || null;
    cache.tables.set(script, tables);
  }
  return tables ?? undefined;
}

function glyphOf(face: Face, cache: PairCache, codePoint: number): { id: number; advance: number } {
  let glyph = cache.glyphs.get(codePoint);
  if (!glyph) {
    const found = face.font.glyphForCodePoint(codePoint);
    glyph = { id: found.id, advance: found.advanceWidth };
    cache.glyphs.set(codePoint, glyph);
  }
  return glyph;
}

/** Shaped from the font's own tables: each glyph, kerned by pairs; undefined when a pair ligates. */
function shapeFromTables(face: Face, cache: PairCache, tables: PairTables, points: readonly number[]): Shaped | undefined {
  const glyphs: number[] = [];
  const advances: number[] = [];
  const natural: number[] = [];
  const codePoints: number[][] = [];
  let width = 0;
  let previous = -1;
  let previousGlyph = -1;
  for (const codePoint of points) {
    const glyph = glyphOf(face, cache, codePoint);
    if (previous >= 0) {
      if (tables.startsLigature(previousGlyph)) {
        const key = previous * 0x110000 + codePoint;
        let ligates = cache.ligatures.get(key);
        if (ligates === undefined) {
          ligates = face.font.layout(String.fromCodePoint(previous, codePoint), simpleFeatures()).glyphs.length !== 2;
          cache.ligatures.set(key, ligates);
        }
        if (ligates) return undefined;
      }
      const kern = tables.kern(previousGlyph, glyph.id);
      if (kern !== 0) {
        advances[advances.length - 1] = (advances.at(-1) as number) + kern;
        width += kern;
      }
    }
    glyphs.push(glyph.id);
    advances.push(glyph.advance);
    natural.push(glyph.advance);
    codePoints.push([codePoint]);
    width += glyph.advance;
    previous = codePoint;
    previousGlyph = glyph.id;
  }
  return { glyphs, advances, natural, codePoints, width };
}

const pairCaches = new WeakMap<Face, PairCache>();

/**
 * Simple text shaped from the glyph of each character and the kerning of
 * each pair (shaped once per pair, then cached): the same result as shaping
 * the whole word with ligatures and kerning, at a fraction of fontkit's
 * per-word cost. Undefined when a pair forms a ligature (the caller shapes
 * the word whole).
 */
function shapeByPairs(face: Face, text: string): Shaped | undefined {
  const cache = pairCache(face);
  const kerning = cache.kerning;
  const fixedPitch = Boolean(face.font.post?.isFixedPitch);
  const points: number[] = [];
  for (const char of text) points.push(char.codePointAt(0) as number);
  const tables = fixedPitch ? undefined : tablesFor(face, cache, scriptOf(points));
  if (tables) return shapeFromTables(face, cache, tables, points);
  if (!fixedPitch) {
    // Spaces separate the pairs shaped together: text with spaces is shaped whole.
    if (points.includes(32)) return undefined;
    const missing: number[] = [];
    for (let i = 1; i < points.length; i++) {
      const key = (points[i - 1] as number) * 0x110000 + (points[i] as number);
      if (!kerning.has(key)) missing.push(key);
    }
    if (missing.length > 0) kernPairs(face, cache, missing);
  }
  const glyphs: number[] = [];
  const advances: number[] = [];
  const natural: number[] = [];
  const codePoints: number[][] = [];
  let width = 0;
  let previous = -1;
  for (const codePoint of points) {
    let glyph = cache.glyphs.get(codePoint);
    if (!glyph) {
      const found = face.font.glyphForCodePoint(codePoint);
      glyph = { id: found.id, advance: found.advanceWidth };
      cache.glyphs.set(codePoint, glyph);
    }
    if (previous >= 0 && !fixedPitch) {
      const kern = kerning.get(previous * 0x110000 + codePoint) as number;
      if (Number.isNaN(kern)) return undefined;
      if (kern !== 0) {
        advances[advances.length - 1] = (advances.at(-1) as number) + kern;
        width += kern;
      }
    }
    glyphs.push(glyph.id);
    advances.push(glyph.advance);
    natural.push(glyph.advance);
    codePoints.push([codePoint]);
    width += glyph.advance;
    previous = codePoint;
  }
  return { glyphs, advances, natural, codePoints, width };
}

function pairCache(face: Face): PairCache {
  let cache = pairCaches.get(face);
  if (!cache) {
    cache = { glyphs: new Map(), kerning: new Map(), tables: new Map(), ligatures: new Map() };
    pairCaches.set(face, cache);
  }
  return cache;
}

/** Shapes pairs of code points (keys a × 0x110000 + b) in one call ("ab cd …"): fontkit's cost is mostly per call. */
function kernPairs(face: Face, cache: PairCache, keys: readonly number[]): void {
  const unique = [...new Set(keys)].filter((key) => !cache.kerning.has(key));
  if (unique.length === 0) return;
  const pairs = unique.map((key) => String.fromCodePoint(Math.floor(key / 0x110000), key % 0x110000));
  const run = face.font.layout(pairs.join(' '), simpleFeatures());
  let pair = 0;
  let start = 0;
  for (let g = 0; g <= run.glyphs.length; g++) {
    const glyph = run.glyphs[g];
    if (glyph && !(glyph.codePoints.length === 1 && glyph.codePoints[0] === 32)) continue;
    // Glyphs start..g-1 are one pair: two glyphs, or one ligature.
    const first = run.glyphs[start];
    const kern = g - start === 2 && first ? (run.positions[start] as fontkit.GlyphPosition).xAdvance - first.advanceWidth : Number.NaN;
    if (pair < unique.length) cache.kerning.set(unique[pair] as number, kern);
    pair++;
    start = g + 1;
  }
  for (const key of unique) if (!cache.kerning.has(key)) cache.kerning.set(key, Number.NaN);
}

/** Kerns, in as few calls as possible, the pairs of the simple words not shaped yet. */
export function prefetchShapes(face: Face, texts: readonly string[]): void {
  // Monospaced fonts need no kerning; fonts whose tables are read directly need no batch.
  if (face.font.post?.isFixedPitch) return;
  const cache = pairCache(face);
  if (tablesFor(face, cache, 'latn')) return;
  const missing: number[] = [];
  for (const text of texts) {
    if (face.shapes.has(text) || !isSimpleText(text) || text.includes(' ')) continue;
    let previous = -1;
    for (const char of text) {
      const codePoint = char.codePointAt(0) as number;
      if (previous >= 0) {
        const key = previous * 0x110000 + codePoint;
        if (!cache.kerning.has(key)) missing.push(key);
      }
      previous = codePoint;
    }
  }
  // Long batches cost more per character in fontkit: a few hundred pairs per call.
  for (let i = 0; i < missing.length; i += 400) kernPairs(face, cache, missing.slice(i, i + 400));
}

/** A fresh object each time: fontkit adds to the object it is given. */
function simpleFeatures(): Record<string, boolean> {
  return { liga: true, kern: true, mark: false, mkmk: false, ccmp: false, locl: false, calt: false, rlig: false, clig: false, rclt: false, curs: false };
}

/** Latin, Greek and Cyrillic letters, punctuation and symbols without combining marks. */
export function isSimpleText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x0300) continue;
    if (code >= 0x0370 && code <= 0x0482) continue;
    if (code >= 0x048a && code <= 0x052f) continue;
    if (code >= 0x1e00 && code <= 0x1fff) continue;
    if (code >= 0x2000 && code <= 0x20cf) continue;
    if (code >= 0x2100 && code <= 0x2bff) continue;
    return false;
  }
  return true;
}
