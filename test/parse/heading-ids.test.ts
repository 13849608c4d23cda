import type { Heading } from 'mdast';
import { describe, expect, it } from 'vitest';
import { galleyData } from '../../src/document.js';
import { messages, parseMarkdown } from '../helpers/parse.js';

function ids(markdown: string): string[] {
  return parseMarkdown(markdown)
    .tree.children.filter((n): n is Heading => n.type === 'heading')
    .map((h) => h.data?.id ?? '');
}

describe('heading ids', () => {
  it('are GitHub-style slugs', () => {
    expect(ids('# Hello, World!\n\n## Ça marche *très* bien\n\n### `code` & more')).toEqual([
      'hello-world',
      'ça-marche-très-bien',
      'code--more',
    ]);
  });

  it('are unique within the document', () => {
    expect(ids('# Intro\n\n# Intro\n\n# Intro')).toEqual(['intro', 'intro-1', 'intro-2']);
  });

  it('accept pandoc custom ids and remove them from the text', () => {
    const doc = parseMarkdown('# Custom title {#my-id}\n\n## Other');
    expect(ids('# Custom title {#my-id}\n\n## Other')).toEqual(['my-id', 'other']);
    expect(galleyData(doc.file).outline).toEqual([
      { depth: 1, text: 'Custom title', id: 'my-id' },
      { depth: 2, text: 'Other', id: 'other' },
    ]);
  });

  it('never let a slug take a custom id', () => {
    expect(ids('# Intro\n\n# Second {#intro}')).toEqual(['intro-1', 'intro']);
  });

  it('number a duplicate custom id and warn', () => {
    const doc = parseMarkdown('# A {#same}\n\n# B {#same}');
    expect(ids('# A {#same}\n\n# B {#same}')).toEqual(['same', 'same-1']);
    expect(messages(doc)).toEqual(['3:1 duplicate-id: heading id "same" is taken; renamed "same-1"']);
  });

  it('keep clear of the ids footnotes use', () => {
    expect(ids('# Footnote label\n\n# FN 1 {#fn-1}\n\n# fnref 2')).toEqual([
      'section-footnote-label',
      'section-fn-1',
      'section-fnref-2',
    ]);
  });

  it('fall back to "section" for headings without letters', () => {
    expect(ids('# !!!\n\n# ???')).toEqual(['section', 'section-1']);
  });

  it('are computed before typography, so smart quotes do not change them', () => {
    expect(ids(`# It's "quoted"`)).toEqual(['its-quoted']);
  });
});
