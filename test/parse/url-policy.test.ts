import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { selectAll } from '../helpers/select.js';
import { messages, parseMarkdown } from '../helpers/parse.js';

describe('URL policy', () => {
  it.each([
    'https://example.org/a?b#c',
    'http://example.org',
    'mailto:a@example.org',
    'tel:+33153184429',
    'relative/path.html',
    '../up.md',
    '#fragment',
    '/absolute/path',
    '//example.org/protocol-relative',
  ])('keeps links to %s', (url) => {
    const doc = parseMarkdown(`[text](${url})`);
    expect(selectAll(doc.tree, 'link').map((l) => l.url)).toEqual([url]);
    expect(messages(doc)).toEqual([]);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    'java%0ascript:alert(1)'.replace('%0a', '\t'),
  ])('neutralizes links to %s and keeps their text', (url) => {
    const doc = parseMarkdown(`Go [click *here*](<${url}>) now.`);
    expect(selectAll(doc.tree, 'link')).toEqual([]);
    expect(toString(doc.tree)).toBe('Go click here now.');
    expect(doc.file.messages.map((m) => m.ruleId)).toEqual(['unsafe-url']);
    expect(doc.file.messages[0]?.line).toBe(1);
  });

  it('neutralizes autolinks with other schemes', () => {
    const doc = parseMarkdown('<javascript:alert(1)>');
    expect(selectAll(doc.tree, 'link')).toEqual([]);
    expect(messages(doc)[0]).toContain('unsafe-url');
  });

  it('neutralizes references to an unsafe definition', () => {
    const doc = parseMarkdown('[text][bad] and ![alt][bad]\n\n[bad]: javascript:alert(1)');
    expect(selectAll(doc.tree, 'linkReference')).toEqual([]);
    expect(selectAll(doc.tree, 'imageReference')).toEqual([]);
    expect(toString(doc.tree.children[0]!)).toBe('text and alt');
    expect(messages(doc)).toEqual([
      '3:1 unsafe-url: definition with a javascript: URL removed; its text is kept',
    ]);
  });

  it('replaces an unsafe image by its alt text', () => {
    const doc = parseMarkdown('![a cat](javascript:alert(1))');
    expect(selectAll(doc.tree, 'image')).toEqual([]);
    expect(toString(doc.tree)).toBe('a cat');
  });

  it('allows inline data: images (sniffed later) but not data: links', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const doc = parseMarkdown(`![x](${png}) [y](${png})`);
    expect(selectAll(doc.tree, 'image')).toHaveLength(1);
    expect(selectAll(doc.tree, 'link')).toHaveLength(0);
  });
});
