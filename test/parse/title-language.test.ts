import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { galleyData } from '../../src/document.js';
import { parse } from '../../src/parse/index.js';
import { parseMarkdown } from '../helpers/parse.js';

const seedPath = new URL('../../input/communique-presse-numerique.md', import.meta.url).pathname;
const french = 'Le rapport remis par le ministre est un jalon précieux sur cette voie, et les collectivités territoriales sont invitées à le lire.';

describe('title', () => {
  it('comes from front matter first', () => {
    const meta = galleyData(parseMarkdown('---\ntitle: Declared\n---\n\n# Heading').file).meta;
    expect([meta.title, meta.titleSource]).toEqual(['Declared', 'front-matter']);
  });

  it('else from the first level-1 heading, even after other headings', () => {
    const meta = galleyData(parseMarkdown('## Second level\n\n# First level\n\n# Another').file).meta;
    expect([meta.title, meta.titleSource]).toEqual(['First level', 'heading']);
  });

  it('else from the first heading', () => {
    const meta = galleyData(parseMarkdown('Text\n\n### Three\n\n## Two').file).meta;
    expect(meta.title).toBe('Three');
  });

  it('else from the file name', () => {
    const meta = galleyData(parseMarkdown('Just text.', {}, 'notes/my-notes.md').file).meta;
    expect([meta.title, meta.titleSource]).toEqual(['my-notes', 'file-name']);
  });

  it('is the seed’s level-2 heading, with its bold markup gone', () => {
    const meta = galleyData(parse({ path: seedPath, value: readFileSync(seedPath) }).file).meta;
    expect(meta.title).toBe(
      'Remise à Axelle LEMAIRE du rapport d’Akim OURAL sur la Gouvernance des politiques numériques sur les territoires',
    );
    expect(meta.titleSource).toBe('heading');
  });
});

describe('language', () => {
  it('comes from front matter', () => {
    const meta = galleyData(parseMarkdown(`---\nlang: de\n---\n\n${french}`).file).meta;
    expect([meta.lang, meta.langSource]).toEqual(['de', 'declared']);
  });

  it('is detected from the text', () => {
    const meta = galleyData(parseMarkdown(french).file).meta;
    expect([meta.lang, meta.langSource]).toEqual(['fr', 'detected']);
  });

  it('is French for the seed', () => {
    expect(galleyData(parse({ path: seedPath, value: readFileSync(seedPath) }).file).meta.lang).toBe('fr');
  });

  it('defaults to English when the text is too short to tell', () => {
    const meta = galleyData(parseMarkdown('Hi.').file).meta;
    expect([meta.lang, meta.langSource]).toEqual(['en', 'default']);
  });

  it('ignores code when detecting', () => {
    const code = '```\n' + 'const value = compute(input, options);\n'.repeat(50) + '```\n\n';
    expect(galleyData(parseMarkdown(code + french).file).meta.lang).toBe('fr');
  });

  it('follows the precedence config < front matter < flag', () => {
    const withFrontMatter = `---\nlang: de\n---\n\n${french}`;
    expect(galleyData(parseMarkdown(french, { metaDefaults: { lang: 'es' } }).file).meta.lang).toBe('es');
    expect(galleyData(parseMarkdown(withFrontMatter, { metaDefaults: { lang: 'es' } }).file).meta.lang).toBe('de');
    expect(galleyData(parseMarkdown(withFrontMatter, { metaOverrides: { lang: 'it' } }).file).meta.lang).toBe('it');
  });

  it('rejects a malformed tag with a warning', () => {
    const doc = parseMarkdown(`---\nlang: "not a tag"\n---\n\n${french}`);
    expect(galleyData(doc.file).meta.lang).toBe('fr');
    expect(doc.file.messages[0]?.ruleId).toBe('front-matter-key');
  });

  it('sets the direction from the language unless front matter says', () => {
    expect(galleyData(parseMarkdown('---\nlang: ar\n---\n').file).meta.dir).toBe('rtl');
    expect(galleyData(parseMarkdown('---\nlang: he\ndir: ltr\n---\n').file).meta.dir).toBe('ltr');
    expect(galleyData(parseMarkdown('---\nlang: fr\n---\n').file).meta.dir).toBe('ltr');
  });

  it('follows the precedence for toc too', () => {
    expect(galleyData(parseMarkdown('x', { metaDefaults: { toc: true } }).file).meta.toc).toBe(true);
    expect(galleyData(parseMarkdown('---\ntoc: false\n---\n', { metaDefaults: { toc: true } }).file).meta.toc).toBe(false);
    expect(galleyData(parseMarkdown('---\ntoc: false\n---\n', { metaOverrides: { toc: true } }).file).meta.toc).toBe(true);
  });
});
