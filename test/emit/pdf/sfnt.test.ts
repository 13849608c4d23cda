// Font tables read straight from the bytes, and subsets written from them,
// against fontkit's own reading of the same files; and the small helpers of
// the print step (numbers and dates in a language, destination names, XMP).
import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFamilies, FontSet } from '../../../src/emit/pdf/fonts.js';
import { defaultTheme } from '../../../src/theme/theme.js';
import { numberFormatter } from '../../../src/emit/pdf/locale.js';
import { destinationName } from '../../../src/emit/pdf/paint.js';
import { readSfnt } from '../../../src/emit/pdf/sfnt.js';
import { trueTypeSubset } from '../../../src/emit/pdf/subset.js';
import { xmpDescriptions } from '../../../src/emit/pdf/xmp.js';

const require = createRequire(import.meta.url);
const files = Object.values(bundledFamilies).flatMap((family) =>
  [...new Set(Object.values(family.files).map((entry) => entry.file))].map((file) => path.join(path.dirname(require.resolve(`${family.pkg}/package.json`)), file)),
);
const sample = 'AVa fi ffl é Œ ß Ω Ж → ∞ ☑ 0';

describe('sfnt tables read from the bytes', () => {
  it.each(files.map((file) => [path.basename(file), file]))('%s: metrics, glyphs and advances as fontkit reads them', (_name, file) => {
    const bytes = readFileSync(file);
    const sfnt = readSfnt(bytes);
    const font = fontkit.create(bytes);
    expect(sfnt).toBeDefined();
    if (!sfnt) return;
    expect(sfnt.unitsPerEm).toBe(font.unitsPerEm);
    expect(sfnt.ascent).toBe(font.ascent);
    expect(sfnt.descent).toBe(font.descent);
    expect(sfnt.fixedPitch).toBe(Boolean(font.post?.isFixedPitch));
    for (const char of sample) {
      const codePoint = char.codePointAt(0) as number;
      const glyph = font.glyphForCodePoint(codePoint);
      expect(sfnt.glyph(codePoint), `${char} in ${file}`).toBe(font.hasGlyphForCodePoint(codePoint) ? glyph.id : 0);
      expect(sfnt.advance(glyph.id)).toBe(glyph.advanceWidth);
    }
    expect(sfnt.glyph(0x10ffff)).toBe(0);
  });

  it('gives fontkit the post and loca tables pdfkit reads, as fontkit would decode them', () => {
    const set = new FontSet({ theme: defaultTheme });
    for (const spec of [{ font: 'serif' as const, bold: false, italic: true }, { font: 'mono' as const, bold: true, italic: false }]) {
      const face = set.primary(spec);
      const fresh = fontkit.create(face.sfnt?.bytes as Uint8Array) as unknown as { post: Record<string, number>; loca: { offsets: number[] }; italicAngle: number };
      const seeded = face.font as unknown as typeof fresh;
      for (const key of ['italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch']) expect(seeded.post[key], key).toBe(fresh.post[key]);
      expect(seeded.italicAngle).toBe(fresh.italicAngle);
      expect([...seeded.loca.offsets]).toEqual([...fresh.loca.offsets]);
    }
  });

  it('reads nothing it does not understand', () => {
    expect(readSfnt(new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(readSfnt(new TextEncoder().encode('wOF2 is not read here, fontkit reads it'))).toBeUndefined();
  });
});

describe('TrueType subsets', () => {
  it.each(files.slice(0, 3).map((file) => [path.basename(file), file]))('%s: the glyphs used, composites with their components, as fontkit draws them', (_name, file) => {
    const bytes = readFileSync(file);
    const font = fontkit.create(bytes);
    const subset = trueTypeSubset(readSfnt(bytes) as NonNullable<ReturnType<typeof readSfnt>>);
    expect(subset).toBeDefined();
    if (!subset) return;
    const glyphs = font.layout('Æ é fi ffl Œ 9').glyphs.map((glyph) => glyph.id);
    const ids = glyphs.map((glyph) => subset.includeGlyph(glyph));
    expect(subset.includeGlyph(glyphs[0] as number)).toBe(ids[0]);
    const out = subset.encode();
    const copy = fontkit.create(Buffer.from(out)) as unknown as { numGlyphs: number; getGlyph(id: number): { path: { toSVG(): string }; advanceWidth: number } };
    expect(copy.numGlyphs).toBeGreaterThanOrEqual(new Set(glyphs).size + 1);
    glyphs.forEach((glyph, i) => {
      const original = (font as unknown as typeof copy).getGlyph(glyph);
      const subsetGlyph = copy.getGlyph(ids[i] as number);
      expect(subsetGlyph.path.toSVG()).toBe(original.path.toSVG());
      expect(subsetGlyph.advanceWidth).toBe(original.advanceWidth);
    });
    // The original file is left as it was (a Node Buffer's slice is a view of it).
    expect(Buffer.compare(readFileSync(file), bytes)).toBe(0);
  });
});

describe('locale', () => {
  it('writes page numbers in the language’s numerals', () => {
    expect(numberFormatter('en-GB')(12)).toBe('12');
    expect(numberFormatter('fr')(1234)).toBe('1234');
    expect(numberFormatter('fa')(12)).toBe('۱۲');
    expect(numberFormatter('not a tag')(7)).toBe('7');
  });
});

describe('destination names', () => {
  it('are printable ASCII, and decode back to the id', () => {
    for (const id of ['intro', 'compatibility-zürich', 'fn-a b', '50%', '日本語', 'x😀y']) {
      const name = destinationName(id);
      expect(name).toMatch(/^[\x21-\x7e]+$/);
      expect(decodeURIComponent(name)).toBe(id);
    }
    expect(destinationName('intro')).toBe('intro');
  });
});

describe('XMP metadata', () => {
  it('escapes values and declares PDF/A when asked', () => {
    const xml = xmpDescriptions({ title: 'A & B <c>', author: 'Ada "L"', creator: 'galley', producer: 'galley', date: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), lang: 'fr', pdfa: { part: 3, conformance: 'a' } });
    expect(xml).toContain('A &amp; B &lt;c&gt;');
    expect(xml).toContain('Ada &quot;L&quot;');
    expect(xml).toContain('<xmp:CreateDate>2026-01-02T03:04:05Z</xmp:CreateDate>');
    expect(xml).toContain('<pdfaid:part>3</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>');
    expect(xml).toContain('<rdf:li>fr</rdf:li>');
  });
});
