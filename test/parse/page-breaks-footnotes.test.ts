import { describe, expect, it } from 'vitest';
import { galleyData } from '../../src/document.js';
import { messages, parseMarkdown } from '../helpers/parse.js';

describe('page breaks', () => {
  it('turn a paragraph that is only \\newpage or \\pagebreak into a pageBreak node', () => {
    const doc = parseMarkdown('One\n\n\\newpage\n\nTwo\n\n  \\pagebreak  \n\n- item\n\n  \\newpage');
    expect(doc.tree.children.map((n) => n.type)).toEqual(['paragraph', 'pageBreak', 'paragraph', 'pageBreak', 'list']);
    expect(doc.tree.children[1]?.position?.start.line).toBe(3);
    const item = doc.tree.children[4];
    expect(item?.type === 'list' && item.children[0]?.children.map((n) => n.type)).toEqual(['paragraph', 'pageBreak']);
  });

  it('leave \\newpage inside other text alone', () => {
    const doc = parseMarkdown('Use \\newpage to break.\n\n`\\newpage`');
    expect(doc.tree.children.map((n) => n.type)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('footnotes', () => {
  it('are ordered by first reference, then references inside notes', () => {
    const doc = parseMarkdown('B[^b] A[^a] B again[^b]\n\n[^a]: Note a, citing c[^c].\n[^b]: Note b.\n[^c]: Note c.');
    expect(galleyData(doc.file).footnotes).toEqual(['b', 'a', 'c']);
  });

  it('warns about a definition nobody references', () => {
    const doc = parseMarkdown('Text[^used]\n\n[^used]: Used.\n\n[^lonely]: Never cited.');
    expect(messages(doc)).toEqual(['5:1 unused-footnote: footnote [^lonely] is never referenced']);
  });
});
