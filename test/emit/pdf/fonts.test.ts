// The bundled fonts and the fallback chain, with real font files.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FontSet, isSimpleText, shape, type Face } from '../../../src/emit/pdf/fonts.js';
import { defaultTheme } from '../../../src/theme/theme.js';

const regular = { font: 'serif' as const, bold: false, italic: false };
const fixturesDir = new URL('../../fixtures/', import.meta.url).pathname;

function faceOf(set: FontSet, spec: Parameters<FontSet['primary']>[0]): Face {
  return set.primary(spec);
}

describe('fonts', () => {
  it('resolves the theme’s families to bundled faces, one face object per process', () => {
    const a = new FontSet({ theme: defaultTheme });
    const b = new FontSet({ theme: defaultTheme });
    expect(faceOf(a, regular).id).toBe('Noto Serif/regular');
    expect(faceOf(a, { font: 'sans', bold: true, italic: false }).id).toBe('Noto Sans/bold');
    expect(faceOf(a, { font: 'mono', bold: false, italic: true })).toMatchObject({ id: 'Noto Sans Mono/italic', oblique: true });
    expect(faceOf(a, regular)).toBe(faceOf(b, regular));
    expect(a.unknownFamilies).toEqual([]);
  });

  it('splits text along the fallback chain and lists what no font covers', () => {
    const set = new FontSet({ theme: defaultTheme });
    expect(set.split(regular, 'a → b')).toEqual([
      { face: 'Noto Serif/regular', text: 'a ' },
      { face: 'DejaVu Sans/regular', text: '→' },
      { face: 'Noto Serif/regular', text: ' b' },
    ]);
    // Soft hyphens and zero-width characters are never drawn.
    expect(set.split(regular, 'in\u00ADcon\u200Bnu')).toEqual([{ face: 'Noto Serif/regular', text: 'inconnu' }]);
    expect(set.split(regular, '«\u202Fmot\u00A0»')).toEqual([{ face: 'Noto Serif/regular', text: '«\u202Fmot\u00A0»' }]);
    set.split(regular, '漢 and 漢');
    expect([...set.missing]).toEqual([0x6f22]);
  });

  it('shapes simple words by pairs exactly as fontkit shapes them whole', () => {
    const set = new FontSet({ theme: defaultTheme });
    const words = ['AVATAR', 'Typography', 'Wolf,', 'L’été', 'Ελληνικά', 'Русский', '1234567890', 'T.V.', 'Yoyo', 'office', 'affluent', 'fjord', 'x'];
    for (const spec of [regular, { font: 'serif' as const, bold: true, italic: true }, { font: 'sans' as const, bold: true, italic: false }]) {
      const face = faceOf(set, spec);
      for (const word of words) {
        const shaped = shape(face, word);
        const whole = (face.font as fontkit.Font).layout(word, { liga: true, kern: true, mark: false, mkmk: false, ccmp: false, locl: false, calt: false, rlig: false, clig: false, rclt: false, curs: false });
        expect(shaped.glyphs, `${face.id} ${word}`).toEqual(whole.glyphs.map((glyph) => glyph.id));
        expect(shaped.advances, `${face.id} ${word}`).toEqual(whole.positions.map((position) => position.xAdvance));
      }
    }
    // Kerning is applied: "AV" is narrower than "A" + "V".
    const face = faceOf(set, regular);
    expect(shape(face, 'AV').width).toBeLessThan(shape(face, 'A').width + shape(face, 'V').width);
    // Ligatures are kept: "office" has fewer glyphs than letters.
    expect(shape(face, 'office').glyphs.length).toBeLessThan(6);
  });

  it('shapes every word of the fixtures exactly as fontkit does, in every bundled text face', () => {
    const words = new Set<string>();
    for (const name of readdirSync(fixturesDir)) {
      const file = path.join(fixturesDir, name, 'input.md');
      if (!existsSync(file)) continue;
      for (const word of readFileSync(file, 'utf8').split(/\s+/)) if (word && isSimpleText(word)) words.add(word);
    }
    words.add('Ærøskøbing naïveté Straße smörgåsbord São Ελληνικά Русский 1,234.56 (see) «mot» “quoted” — … ’'.replace(/ /g, ''));
    expect(words.size).toBeGreaterThan(300);
    const set = new FontSet({ theme: defaultTheme });
    const specs = [false, true].flatMap((bold) => [false, true].map((italic) => ({ bold, italic })));
    const faces = [
      ...specs.map((style) => set.primary({ font: 'serif', ...style })),
      ...specs.map((style) => set.primary({ font: 'sans', ...style })),
    ];
    for (const face of faces) {
      for (const word of words) {
        const text = set.split({ font: 'serif', bold: false, italic: false }, word).length === 1 ? word : undefined;
        if (!text) continue;
        const shaped = shape(face, text);
        const whole = (face.font as fontkit.Font).layout(text, { liga: true, kern: true, mark: false, mkmk: false, ccmp: false, locl: false, calt: false, rlig: false, clig: false, rclt: false, curs: false });
        expect(shaped.glyphs, `${face.id} ${text}`).toEqual(whole.glyphs.map((glyph) => glyph.id));
        expect(shaped.advances, `${face.id} ${text}`).toEqual(whole.positions.map((position) => position.xAdvance));
      }
    }
  });

  it('covers Latin extensions, Greek, Cyrillic, arrows and common symbols with the bundled chain', () => {
    const set = new FontSet({ theme: defaultTheme });
    const sample = 'ĀăĄćĈœŒŸßðþ ΑΩαω АЯая ←↑→↓↔⇒⇐ ≤≥≠±×÷∞√∑∫ €£¥©®™§¶†‡•…‰ ☐☑★✓ №℃';
    for (const spec of [regular, { font: 'sans' as const, bold: true, italic: false }, { font: 'mono' as const, bold: false, italic: false }]) set.split(spec, sample);
    expect([...set.missing]).toEqual([]);
  });
});

describe('the unicode-trie patch', () => {
  it('inflates tries with zlib, to the same tables as tiny-inflate', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const code = readFileSync(require.resolve('unicode-trie'), 'utf8');
    expect(code).toContain("const { inflateRawSync } = require('zlib');");
    const inflate = require('tiny-inflate') as (data: Uint8Array, out: Uint8Array) => Uint8Array;
    const { inflateRawSync } = await import('node:zlib');
    const { deflateRawSync } = await import('node:zlib');
    const table = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251);
    const compressed = deflateRawSync(table);
    expect(Buffer.from(inflate(compressed, new Uint8Array(table.length))).equals(inflateRawSync(compressed))).toBe(true);
    // The line breaker still classifies characters (its trie loads through the patched module).
    const LineBreaker = (await import('linebreak')).default;
    const breaker = new LineBreaker('mot\u00A0: suite, «\u00A0fin\u00A0»');
    const breaks: number[] = [];
    for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) breaks.push(b.position);
    expect(breaks).toEqual([6, 13, 20]);
  });
});

describe('the pdfkit patch', () => {
  const require = createRequire(import.meta.url);
  const pdfkitCode = () => readFileSync(path.join(path.dirname(require.resolve('pdfkit')), 'pdfkit.node.mjs'), 'utf8');
  const library = new URL('../../../dist/index.js', import.meta.url).href;
  /** What a script printed, run as an ES module in a fresh Node process (so that nothing is loaded yet). */
  const inFreshNode = (script: string) => execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim();
  const loads = (part: string) => `Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes(${JSON.stringify(part)}))`;

  it('leaves fontkit unloaded until a document needs complex shaping', () => {
    const code = pdfkitCode();
    expect(code).not.toMatch(/^import .* from 'fontkit';$/m);
    expect(code).toContain("createRequire(import.meta.url)('fontkit').create(...args)");
    // With the built library: a Latin document leaves fontkit out, a Devanagari one loads it.
    const run = (text: string) =>
      inFreshNode(
        `const { parse, toPdf } = await import(${JSON.stringify(library)});
         const { createRequire } = await import('node:module');
         const bytes = await toPdf(parse({ path: 'a.md', value: ${JSON.stringify(text)} }, { assets: false }), {}, new Date(0));
         console.log(bytes.length > 1000 ? (${loads('/fontkit/')} ? 'fontkit' : 'none') : 'no pdf');`,
      );
    expect(run('# Title\n\nPlain text, *emphasis*, `code`, Ελληνικά, → arrows.')).toBe('none');
    expect(run('हिन्दी पाठ')).toBe('fontkit');
  }, 30_000);

  it('leaves AES (tables built on load) unloaded unless a PDF is encrypted, and still encrypts', () => {
    expect(pdfkitCode()).not.toMatch(/^import .* from '@noble\/ciphers\/aes';$/m);
    const plain = inFreshNode(
      `const { parse, toPdf } = await import(${JSON.stringify(library)});
       const { createRequire } = await import('node:module');
       const bytes = await toPdf(parse({ path: 'a.md', value: '# Title\\n\\nText.' }, { assets: false }), {}, new Date(0));
       console.log(bytes.length > 1000 && !${loads('/@noble/ciphers/')} ? 'no aes' : 'aes');`,
    );
    expect(plain).toBe('no aes');
    // pdfkit itself, with an AES-256 password (PDF 1.7 extension level 3).
    const encrypted = inFreshNode(
      `const { default: PDFDocument } = await import(${JSON.stringify(pathToFileURL(require.resolve('pdfkit')).href)});
       const doc = new PDFDocument({ userPassword: 'secret', pdfVersion: '1.7ext3' });
       const chunks = [];
       doc.on('data', (chunk) => chunks.push(chunk));
       doc.on('end', () => console.log(/\\/Filter \\/Standard[\\s\\S]*\\/V 5/.test(Buffer.concat(chunks).toString('latin1')) ? 'AES-256' : 'not encrypted'));
       doc.text('Secret text.');
       doc.end();`,
    );
    expect(encrypted).toBe('AES-256');
  }, 30_000);
});
