// Fonts for the PDF: the theme's families resolved to font files from npm
// packages (Noto Serif, Noto Sans, Noto Sans Mono), user font files read
// through the IO gate, and a fallback chain (DejaVu Sans, which covers
// arrows, maths signs and most symbols) so that any character a font of the
// chain covers is drawn. Each face is opened once per process, and only when
// a document needs it; each word is shaped once per face and the same shapes
// serve to measure and to draw. Simple words (Latin, Greek, Cyrillic and
// symbols without combining marks) are shaped from the font's own tables,
// read directly (sfnt.ts: glyphs and advances; kerning.ts: ligatures and
// pair kerning); everything else (marks, other scripts, fonts those readers
// do not understand) is shaped by fontkit. Tests check that both give
// fontkit's own result.
import type * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontKey, Theme } from '../../theme/theme.js';
import { fontProgram, type FontProgram } from './font-program.js';
import { simpleTables, type SimpleTables } from './kerning.js';
import { readSfnt, type Sfnt } from './sfnt.js';
import type { FontSpec, Metrics } from './model.js';

export type FaceStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** One font file, shaped and measured. */
export interface Face {
  /** Stable name: the family and style (`Noto Serif/bold`), or `user:N/…`. */
  readonly id: string;
  /** The font as fontkit reads it (loaded on first use: complex shaping, fonts galley cannot read itself). */
  readonly font: fontkit.Font;
  /** What pdfkit embeds: the font's own tables where they are TrueType, else the fontkit font. */
  readonly program: FontProgram | fontkit.Font;
  /** No italic file: the paint step slants the upright one. */
  readonly oblique: boolean;
  /** Ascent and descent (positive) as fractions of the font size. */
  readonly ascent: number;
  readonly descent: number;
  readonly unitsPerEm: number;
  /** Words shaped so far (per process). */
  readonly shapes: Map<string, Shaped>;
  /** The font's tables, read directly (undefined: fontkit measures everything). */
  readonly sfnt?: Sfnt;
  covers(codePoint: number): boolean;
  /** The glyph of a code point (0: none). */
  glyph(codePoint: number): number;
  /** By UTF-16 code unit: 1 when the face draws it as it is (covered, printable, not a surrogate), 2 when not, 0 not yet known. */
  readonly plain: Uint8Array;
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
    face = makeFace(`${family}/${style}`, () => loadFontkit().create(bytes), Boolean(oblique), bytes);
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
    const font = loadFontkit().create(bytes) as fontkit.Font | { fonts?: unknown };
    if (typeof (font as fontkit.Font).layout !== 'function') throw new Error('font collections are not supported; name one font file');
    face = makeFace(`user:${index}/${(font as fontkit.Font).postscriptName ?? 'font'}`, () => font as fontkit.Font, false, bytes);
    faceCache.set(cacheKey, face);
  }
  return face;
}

export function looksLikeFont(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const tag = String.fromCharCode(bytes[0] as number, bytes[1] as number, bytes[2] as number, bytes[3] as number);
  return tag === '\u0000\u0001\u0000\u0000' || tag === 'OTTO' || tag === 'true' || tag === 'wOFF' || tag === 'wOF2';
}

let fontkitModule: typeof fontkit | undefined;

/**
 * fontkit, on first use: most documents never need it (simple text is
 * shaped from the font's tables, and pdfkit embeds from them too), and it
 * is the largest module of the PDF emitter. pdfkit's own use of it is made
 * lazy the same way (patches/pdfkit+0.20.2.patch).
 */
function loadFontkit(): typeof fontkit {
  return (fontkitModule ??= require('fontkit') as typeof fontkit);
}

function makeFace(id: string, open: () => fontkit.Font, oblique: boolean, bytes?: Uint8Array): Face {
  const sfnt = bytes ? readSfnt(bytes) : undefined;
  let font: fontkit.Font | undefined;
  const full = () => (font ??= open());
  const program = sfnt ? fontProgram(sfnt, full) : undefined;
  const unitsPerEm = sfnt?.unitsPerEm ?? (full().unitsPerEm || 1000);
  // Glyphs of the Basic Multilingual Plane by code point, looked up once (-1: not yet).
  const bmp = new Int32Array(0x10000).fill(-1);
  const astral = new Map<number, number>();
  const lookup = sfnt ? (codePoint: number) => sfnt.glyph(codePoint) : (codePoint: number) => (full().hasGlyphForCodePoint(codePoint) ? full().glyphForCodePoint(codePoint).id : 0);
  const glyph = (codePoint: number): number => {
    if (codePoint < 0x10000) {
      let known = bmp[codePoint] as number;
      if (known < 0) {
        known = lookup(codePoint);
        bmp[codePoint] = known;
      }
      return known;
    }
    let known = astral.get(codePoint);
    if (known === undefined) {
      known = lookup(codePoint);
      astral.set(codePoint, known);
    }
    return known;
  };
  return {
    id,
    get font() {
      return full();
    },
    get program() {
      return program ?? full();
    },
    oblique,
    unitsPerEm,
    ascent: Math.abs(sfnt?.ascent ?? full().ascent) / unitsPerEm,
    descent: Math.abs(sfnt?.descent ?? full().descent) / unitsPerEm,
    shapes: new Map(),
    ...(sfnt ? { sfnt } : {}),
    covers: (codePoint) => glyph(codePoint) !== 0,
    glyph,
    plain: new Uint8Array(0x10000),
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
  const simple = isSimpleText(text);
  shaped = (simple && shapeFromTables(face, text)) || shapeWithFontkit(face, text, simple);
  if (face.shapes.size >= maxShapesPerFace) face.shapes.clear();
  face.shapes.set(text, shaped);
  return shaped;
}

function shapeWithFontkit(face: Face, text: string, simple: boolean): Shaped {
  // Simple text gets ligatures and kerning only: decoding the mark and
  // composition lookups of a Noto font costs ~60 ms per face, for nothing
  // when there are no combining marks. Other text gets full shaping.
  const run = face.font.layout(text, simple ? simpleFeatures() : undefined);
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
  return offsets ? { glyphs, advances, natural, codePoints, width, offsets } : { glyphs, advances, natural, codePoints, width };
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
    const plain = primary.plain;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let known = plain[code] as number;
      if (known === 0) {
        known = code < 0x20 || code >= 0xd800 || isIgnorable(code) || !primary.covers(code) ? 2 : 1;
        plain[code] = known;
      }
      if (known !== 1) {
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

  vertical(faceId: string): { ascent: number; descent: number } {
    return this.face(faceId);
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

/** The OpenType script of a simple word: its first Latin, Greek or Cyrillic letter's, else DFLT (as fontkit chooses). */
function scriptOf(points: readonly number[]): string {
  for (const cp of points) {
    if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0xaa || cp === 0xba || (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) || (cp >= 0x1e00 && cp <= 0x1eff)) return 'latn';
    if ((cp >= 0x370 && cp <= 0x3ff && cp !== 0x37e && cp !== 0x387) || (cp >= 0x1f00 && cp <= 0x1fff)) return 'grek';
    if (cp >= 0x400 && cp <= 0x52f) return 'cyrl';
  }
  return 'DFLT';
}

/** Each face's ligature and kerning tables by script (null: not readable). */
const tableCache = new WeakMap<Face, Map<string, SimpleTables | null>>();

function tablesFor(face: Face, sfnt: Sfnt, script: string): SimpleTables | undefined {
  let byScript = tableCache.get(face);
  if (!byScript) {
    byScript = new Map();
    tableCache.set(face, byScript);
  }
  let tables = byScript.get(script);
  if (tables === undefined) {
    tables = simpleTables(sfnt, script) ?? null;
    byScript.set(script, tables);
  }
  return tables ?? undefined;
}

/**
 * Simple text shaped from the font's tables: the glyph of each character,
 * the `liga` ligatures, then the `kern` pairs (monospaced faces: glyphs
 * only). Undefined when a glyph is a mark or starts a contextual kerning
 * rule, or the font's tables are not readable: fontkit shapes the word.
 */
function shapeFromTables(face: Face, text: string): Shaped | undefined {
  const sfnt = face.sfnt;
  if (!sfnt) return undefined;
  const points: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      points.push(text.codePointAt(i) as number);
      i++;
    } else points.push(code);
  }
  const glyphs = points.map((point) => face.glyph(point));
  const codePoints = points.map((point) => [point]);
  if (!sfnt.fixedPitch) {
    const tables = tablesFor(face, sfnt, scriptOf(points));
    if (!tables) return undefined;
    for (const glyph of glyphs) if (sfnt.isMark(glyph) || tables.contextual(glyph)) return undefined;
    tables.ligate(glyphs, codePoints);
    const advances = glyphs.map((glyph) => sfnt.advance(glyph));
    const natural = advances.slice();
    let width = 0;
    for (let i = 0; i < glyphs.length; i++) {
      if (i + 1 < glyphs.length) advances[i] = (advances[i] as number) + tables.kern(glyphs[i] as number, glyphs[i + 1] as number);
      width += advances[i] as number;
    }
    return { glyphs, advances, natural, codePoints, width };
  }
  const advances = glyphs.map((glyph) => sfnt.advance(glyph));
  let width = 0;
  for (const advance of advances) width += advance;
  return { glyphs, advances, natural: advances.slice(), codePoints, width };
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
