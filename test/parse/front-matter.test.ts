import { describe, expect, it } from 'vitest';
import { galleyData } from '../../src/document.js';
import { messages, parseFailure, parseMarkdown } from '../helpers/parse.js';

describe('front matter', () => {
  it('reads the documented keys into meta', () => {
    const doc = parseMarkdown(
      [
        '---',
        'title: "A *title*"',
        'subtitle: Sub',
        'author: [Ada, {name: Charles, email: c@example.org}]',
        'date: 2015-07-23',
        'lang: fr-CA',
        'dir: rtl',
        'description: About it',
        'keywords: a, b ,c',
        'toc: true',
        'papersize: Letter',
        'margin: {top: 2cm, left: 1in}',
        'toc-depth: 2',
        'custom: {kept: yes}',
        '---',
        '',
        'Text.',
      ].join('\n'),
    );
    const { meta, frontMatter } = galleyData(doc.file);
    expect(meta).toMatchObject({
      title: 'A *title*',
      titleSource: 'front-matter',
      subtitle: 'Sub',
      authors: [{ name: 'Ada' }, { name: 'Charles', email: 'c@example.org' }],
      date: '2015-07-23',
      lang: 'fr-CA',
      langSource: 'declared',
      dir: 'rtl',
      description: 'About it',
      keywords: ['a', 'b', 'c'],
      toc: true,
      layout: { papersize: 'letter', margin: { top: '2cm', left: '1in' }, tocDepth: 2 },
    });
    expect(frontMatter.custom).toEqual({ kept: 'yes' });
    expect(messages(doc)).toEqual([]);
  });

  it('keeps dates as written (core schema: no timestamp type)', () => {
    const doc = parseMarkdown('---\ndate: 2015-07-23\n---\n');
    expect(galleyData(doc.file).frontMatter.date).toBe('2015-07-23');
  });

  it.each(['js', 'javascript', 'coffee', 'json'])('refuses ---%s front matter without evaluating it', (language) => {
    globalThis.__galleyEvaluated = false;
    const failure = parseFailure(`---${language}\n{ title: (globalThis.__galleyEvaluated = true, "x") }\n---\n\nText`);
    expect(failure.ruleId).toBe('front-matter-language');
    expect(failure.line).toBe(1);
    expect(failure.reason).toContain('only YAML front matter is supported');
    expect(globalThis.__galleyEvaluated).toBe(false);
  });

  it('asks for a plain fence when ---yaml is written', () => {
    expect(parseFailure('---yaml\ntitle: x\n---\n').reason).toContain('plain "---"');
  });

  it('reports invalid YAML with the line in the document', () => {
    const failure = parseFailure('---\ntitle: ok\nbad: [unclosed\n---\n\nText');
    expect(failure.ruleId).toBe('front-matter');
    expect(failure.line).toBeGreaterThanOrEqual(3);
    expect(failure.reason).toMatch(/^invalid front matter: /);
  });

  it('refuses custom tags such as !!js/function', () => {
    const failure = parseFailure('---\nx: !!js/function "function () { return 1 }"\n---\n');
    expect(failure.ruleId).toBe('front-matter');
    expect(failure.reason).toContain('Unresolved tag');
    expect(failure.line).toBe(2);
  });

  it('caps aliases (billion laughs)', () => {
    const lines = ['---', 'a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(`${next}: &${next} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`);
    }
    lines.push('---');
    expect(parseFailure(lines.join('\n')).reason).toMatch(/alias/i);
  });

  it.each([
    ['a list between rules', '---\n- a\n- b\n---\n', ['thematicBreak', 'list', 'thematicBreak']],
    ['a setext heading under a rule', '---\nFoo\n---\n', ['thematicBreak', 'heading']],
    ['a heading between rules', '---\n# Title\n---\n\nText', ['thematicBreak', 'heading', 'thematicBreak', 'paragraph']],
  ])('reads a block that is valid YAML but not a mapping as Markdown (%s)', (_, markdown, types) => {
    const doc = parseMarkdown(markdown);
    expect(doc.tree.children.map((n) => n.type)).toEqual(types);
    expect(galleyData(doc.file).frontMatter).toEqual({});
  });

  it('reads a rule, a blank line and text that is not YAML as Markdown, as pandoc does', () => {
    const doc = parseMarkdown('---\n\n![alt](a.png "T")\n\nText: with *a* colon: here\n\n---\n\nEnd\n');
    expect(doc.tree.children.map((n) => n.type)).toEqual(['thematicBreak', 'paragraph', 'paragraph', 'thematicBreak', 'paragraph']);
    expect(galleyData(doc.file).frontMatter).toEqual({});
    // Without the blank line it is front matter, and invalid YAML is still an error.
    expect(parseFailure('---\nText: with: colon: here\n---\n').ruleId).toBe('front-matter');
  });

  it('accepts an empty front matter block', () => {
    expect(parseMarkdown('---\n---\n\nText').tree.children.map((n) => n.type)).toEqual(['yaml', 'paragraph']);
  });

  it('refuses duplicate keys', () => {
    expect(parseFailure('---\ntitle: a\ntitle: b\n---\n').reason).toMatch(/unique|duplicate/i);
  });

  it('caps the size of the front matter', () => {
    const failure = parseFailure(`---\nbig: "${'x'.repeat(2000)}"\n---\n`, { limits: { maxFrontMatterBytes: 1000 } });
    expect(failure.reason).toContain('larger than 1000 bytes');
  });

  it('keeps __proto__ as plain data', () => {
    const doc = parseMarkdown('---\n__proto__: {polluted: true}\n---\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(galleyData(doc.file).frontMatter)).toBe(Object.prototype);
  });

  it('warns about a key of the wrong type and ignores it', () => {
    const doc = parseMarkdown('---\ntoc: maybe\ntitle: [a, b]\n---\n\n# Heading');
    expect(galleyData(doc.file).meta.toc).toBe(false);
    expect(galleyData(doc.file).meta.title).toBe('Heading');
    expect(messages(doc)).toEqual([
      '1:1 front-matter-key: front matter "title" should be text; ignored',
      '1:1 front-matter-key: front matter "toc" should be true or false; ignored',
    ]);
  });
});

declare global {
  // eslint-disable-next-line no-var
  var __galleyEvaluated: boolean;
}
