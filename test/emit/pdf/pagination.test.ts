// Page breaking with fake metrics (5 pt per character at 10 pt, 12 pt
// lines): headings never end a page, no widows or orphans, table headers
// repeat as artifacts, figures keep their captions, footnotes sit at the
// foot of the page that calls them, contents entries get the page numbers
// of their targets, and justified lines take hyphenated word heads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/emit/pdf/layout.js';
import { layoutInlines } from '../../../src/emit/pdf/lines.js';
import type { Block, Inline, Op, Page, ParagraphBlock, StructNode, TableBlock } from '../../../src/emit/pdf/model.js';
import { structure } from '../../../src/emit/pdf/structure.js';
import { fakeMetrics, lineTexts, para, style, text } from './fake-metrics.js';

const metrics = fakeMetrics();
// Text area: 160 × 160 pt, 13 lines of 12 pt; 32 characters a line.
const geometry = { width: 200, height: 200, margins: { top: 20, right: 20, bottom: 20, left: 20 } };

/** The text lines of each page with the structure element they belong to, top to bottom. */
function tagged(pages: readonly Page[]): Array<Array<{ text: string; node: StructNode | undefined; y: number }>> {
  return pages.map((page) => {
    const lines = page.items.flatMap((item) =>
      item.ops.flatMap((op) => (op.op === 'text' ? [{ text: lineTexts([op])[0] as string, node: op.runs[0]?.tag, y: item.y + op.y }] : [])),
    );
    return lines.sort((a, b) => a.y - b.y);
  });
}

const words = (count: number, prefix = 'w') => Array.from({ length: count }, (_, i) => `${prefix}${i}`).join(' ');
/** A paragraph of about `lines` lines (words of 3–4 characters, 32 characters a line). */
const paragraphOf = (lines: number, prefix: string) => para(words(lines * 7, prefix), { spaceAfter: 6 });
const heading = (value: string): ParagraphBlock => para(value, { role: 'H2', keepWithNext: true, spaceBefore: 12, spaceAfter: 4 });

describe('page breaks', () => {
  it('never ends a page with a heading, and keeps two lines of what follows with it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 9 })), { minLength: 4, maxLength: 30 }), (spec) => {
        // At most two headings in a row: a run of headings taller than a page has to break somewhere.
        const blocks: Block[] = spec.map(([isHeading, lines], i) => (isHeading && !(spec[i - 1]?.[0] && spec[i - 2]?.[0]) ? heading(`Heading ${i}`) : paragraphOf(lines, `p${i}x`)));
        structure(blocks);
        const pages = tagged(layoutDocument(blocks, { geometry, metrics }));
        pages.forEach((lines, index) => {
          if (index === pages.length - 1) return;
          const last = lines.at(-1);
          expect(last?.node?.role, `page ${index + 1} ends with ${last?.text}`).not.toBe('H2');
          // The line after a heading at the foot of a page is not alone there: its paragraph goes on for two lines.
          lines.forEach((line, i) => {
            if (line.node?.role !== 'H2') return;
            const next = lines.slice(i + 1).filter((l) => l.node?.role !== 'H2');
            const paragraph = next[0]?.node;
            const total = pages.flat().filter((l) => l.node === paragraph).length;
            if (paragraph && total >= 2) expect(next.filter((l) => l.node === paragraph).length, `after ${line.text}`).toBeGreaterThanOrEqual(2);
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('leaves no widow or orphan: a paragraph of several lines has at least two on each page it spans', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 11 }), { minLength: 3, maxLength: 25 }), (sizes) => {
        const blocks: Block[] = sizes.map((lines, i) => paragraphOf(lines, `p${i}x`));
        structure(blocks);
        const pages = tagged(layoutDocument(blocks, { geometry, metrics }));
        for (const block of blocks) {
          const node = block.struct;
          const perPage = pages.map((lines) => lines.filter((line) => line.node === node).length).filter((count) => count > 0);
          const total = perPage.reduce((a, b) => a + b, 0);
          if (total < 2) continue;
          for (const count of perPage) expect(count, `${perPage.join('+')} lines`).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('splits a paragraph longer than two lines between pages, not before it', () => {
    // 11 one-line paragraphs fill 11 of 13 lines: a 6-line paragraph then splits 2 + 4.
    const long = para(words(42, 'x'));
    const total = tagged(layoutDocument([long], { geometry, metrics }))[0]?.length as number;
    expect(total).toBeGreaterThanOrEqual(5);
    const blocks: Block[] = [...Array.from({ length: 11 }, (_, i) => para(`line ${i}`)), long];
    const pages = layoutDocument(blocks, { geometry, metrics });
    const counts = tagged(pages).map((lines) => lines.filter((line) => line.text.startsWith('x')).length);
    expect(counts).toEqual([2, total - 2]);
    // With 12 lines used, a single line would be an orphan: the paragraph starts on the next page.
    const later = layoutDocument([...Array.from({ length: 12 }, (_, i) => para(`line ${i}`)), long], { geometry, metrics });
    expect(tagged(later).map((lines) => lines.filter((line) => line.text.startsWith('x')).length)).toEqual([0, total]);
    // With two lines left, the paragraph splits so that its last page has two lines at least: not 1 + (total − 1) either.
    const tight = layoutDocument([...Array.from({ length: 13 - (total - 1) }, (_, i) => para(`line ${i}`)), long], { geometry, metrics });
    for (const count of tagged(tight).map((lines) => lines.filter((line) => line.text.startsWith('x')).length).filter((c) => c > 0)) expect(count).toBeGreaterThanOrEqual(2);
  });

  it('keeps a figure with its caption', () => {
    const image: Block = { kind: 'image', role: 'Figure', content: { kind: 'image', key: 'a' }, width: 100, height: 60, alt: 'A chart', spaceBefore: 0, spaceAfter: 2, keepWithNext: true };
    const caption = para('Figure 1: a chart', { role: 'Caption' });
    const blocks: Block[] = [...Array.from({ length: 8 }, (_, i) => para(`line ${i}`)), image, caption];
    structure(blocks);
    const pages = layoutDocument(blocks, { geometry, metrics });
    // 8 lines (96 pt) + the image (60 pt) fit, but not the caption too: both go to the next page.
    const objects = pages.map((page) => page.items.some((item) => item.ops.some((op) => op.op === 'object')));
    expect(objects).toEqual([false, true]);
    expect(tagged(pages)[1]?.map((line) => line.text)).toEqual(['Figure 1: a chart']);
    expect(image.struct?.children.map((child) => child.role)).toEqual(['Caption']);
  });

  it('splits code between lines, keeping two together on either side', () => {
    const code: Block = {
      kind: 'container',
      role: 'Code',
      indent: 0,
      background: { color: '#eeeeee', padding: 4 },
      spaceBefore: 0,
      spaceAfter: 0,
      children: [para(Array.from({ length: 8 }, (_, i) => `code line ${i}`).join('\n'), { whiteSpace: 'pre' })],
    };
    const blocks: Block[] = [...Array.from({ length: 10 }, (_, i) => para(`line ${i}`)), code];
    const pages = tagged(layoutDocument(blocks, { geometry, metrics }));
    const counts = pages.map((lines) => lines.filter((line) => line.text.startsWith('code')).length);
    expect(counts.reduce((a, b) => a + b)).toBe(8);
    for (const count of counts.filter((c) => c > 0)) expect(count).toBeGreaterThanOrEqual(2);
  });
});

function table(rows: number): TableBlock {
  return {
    kind: 'table',
    role: 'Table',
    align: ['left', 'left'],
    header: { cells: [{ inlines: [text('Name')] }, { inlines: [text('Value')] }] },
    rows: Array.from({ length: rows }, (_, r) => ({ cells: [{ inlines: [text(`n${r}`)] }, { inlines: [text(`v${r}`)] }] })),
    headerStyle: { ...style, bold: true },
    bodyStyle: style,
    lineHeight: 1.2,
    borderColor: '#cccccc',
    padding: 2,
    spaceBefore: 0,
    spaceAfter: 0,
  };
}

describe('tables over several pages', () => {
  it('repeat the header row at the top of every page, as an artifact after the first', () => {
    const block = table(60);
    structure([block]);
    const pages = tagged(layoutDocument([block], { geometry, metrics }));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((lines, index) => {
      expect(lines.slice(0, 2).map((line) => line.text)).toEqual(['Name', 'Value']);
      // The first header row belongs to the table's TH elements; repeats belong to none.
      for (const line of lines.slice(0, 2)) expect(line.node?.role).toBe(index === 0 ? 'TH' : undefined);
      for (const line of lines.slice(2)) expect(line.node?.role).toBe('TD');
    });
    const body = pages.flatMap((lines) => lines.slice(2).map((line) => line.text));
    expect(body).toEqual(Array.from({ length: 60 }, (_, r) => [`n${r}`, `v${r}`]).flat());
  });

  it('keep two lines of a cell together when a row splits', () => {
    const long = words(120, 'c');
    const block: TableBlock = { ...table(1), rows: [{ cells: [{ inlines: [text(long)] }, { inlines: [text('short')] }] }] };
    const blocks: Block[] = [...Array.from({ length: 4 }, (_, i) => para(`line ${i}`)), block];
    const pages = tagged(layoutDocument(blocks, { geometry, metrics }));
    const counts = pages.map((lines) => lines.filter((line) => line.text.startsWith('c')).length).filter((count) => count > 0);
    expect(counts.length).toBeGreaterThan(1);
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(2);
  });
});

/** A paragraph that calls footnote `id` after `before` words. */
function calling(id: string, before: number, after = 4): ParagraphBlock {
  const inlines: Inline[] = [text(`${words(before, 'b')} `), { kind: 'anchor', id: `fnref-${id}`, note: id }, text(`[${id}] ${words(after, 'a')}`)];
  return para(inlines, { spaceAfter: 6 });
}

function note(id: string, lines: number): Block {
  return {
    kind: 'container',
    role: 'Note',
    id: `fn-${id}`,
    indent: 15,
    marker: [text(`${id}.`)],
    spaceBefore: 0,
    spaceAfter: 0,
    children: [para(`N${id} ${words(lines * 5, `n${id}x`)}`)],
  };
}

describe('footnotes', () => {
  it('are set at the foot of the page that calls them, under a rule', () => {
    const blocks: Block[] = [...Array.from({ length: 6 }, (_, i) => para(`line ${i}`)), calling('1', 3), ...Array.from({ length: 10 }, (_, i) => para(`more ${i}`))];
    const notes = new Map([['1', note('1', 1)]]);
    const pages = layoutDocument(blocks, { geometry, metrics, notes });
    const lines = tagged(pages);
    const callPage = lines.findIndex((page) => page.some((line) => line.text.includes('[1]')));
    const notePage = lines.findIndex((page) => page.some((line) => line.text.startsWith('1.')));
    expect(notePage).toBe(callPage);
    const page = lines[callPage] as Array<{ text: string; y: number }>;
    // The note is the last thing on the page, at the bottom of the text area.
    expect(page.at(-1)?.text).toMatch(/^(1\.|N1|n1x)/);
    expect(page.at(-1)?.y).toBeGreaterThan(160);
    const rules = (pages[callPage] as Page).items.flatMap((item) => item.ops.filter((op) => op.op === 'line').map((op) => item.y + (op as Extract<Op, { op: 'line' }>).y1));
    expect(rules.length).toBe(1);
    expect(rules[0]).toBeLessThan(page.find((line) => line.text.startsWith('1.'))?.y as number);
  });

  it('move the calling line to the next page when not even a line of the note fits, and continue long notes', () => {
    const blocks: Block[] = [...Array.from({ length: 12 }, (_, i) => para(`line ${i}`)), calling('1', 2), ...Array.from({ length: 40 }, (_, i) => para(`more ${i}`))];
    // A note of about 20 lines: longer than what is left of any page.
    const notes = new Map([['1', note('1', 20)]]);
    const lines = tagged(layoutDocument(blocks, { geometry, metrics, notes }));
    const callPage = lines.findIndex((page) => page.some((line) => line.text.includes('[1]')));
    expect(callPage).toBe(1);
    expect(lines[callPage]?.some((line) => line.text.startsWith('1.'))).toBe(true);
    // The rest of the note continues on the next pages, every word of it once.
    const noteWords = lines.flat().flatMap((line) => line.text.split(' ')).filter((word) => word.startsWith('n1x'));
    expect(noteWords).toEqual(Array.from({ length: 100 }, (_, i) => `n1x${i}`));
    expect(lines[callPage + 1]?.some((line) => line.text.startsWith('n1x'))).toBe(true);
  });

  it('attach each note’s structure element after the block that calls it', () => {
    const blocks: Block[] = [calling('a', 2), calling('b', 2)];
    const notes = new Map([
      ['a', note('a', 1)],
      ['b', note('b', 1)],
    ]);
    const root = structure(blocks);
    for (const block of notes.values()) structure([block], { role: 'Div', children: [] });
    for (const block of notes.values()) delete block.struct?.parent;
    layoutDocument(blocks, { geometry, metrics, notes });
    expect(root.children.map((child) => [child.role, child.children.map((c) => c.role)])).toEqual([
      ['P', ['Note']],
      ['P', ['Note']],
    ]);
  });
});

describe('contents entries', () => {
  it('get the page numbers of their targets, after dot leaders', () => {
    const entry = (label: string, dest: string): ParagraphBlock => {
      const link = { dest };
      return para([text(label, { link })], { pageRef: { dest, style, link, leader: { text: '.', style, step: 5 } } });
    };
    const blocks: Block[] = [
      entry('First', 'first'),
      entry('Second', 'second'),
      { kind: 'pageBreak', role: 'Artifact', spaceBefore: 0, spaceAfter: 0 },
      para('First', { id: 'first' }),
      ...Array.from({ length: 30 }, (_, i) => para(`line ${i}`)),
      para('Second', { id: 'second' }),
    ];
    const pages = layoutDocument(blocks, { geometry, metrics, formatNumber: (n) => `p${n}` });
    // The entry's text and its leader and number, on one baseline.
    const byLine = new Map<number, string[]>();
    for (const line of tagged(pages)[0] ?? []) byLine.set(line.y, [...(byLine.get(line.y) ?? []), line.text]);
    const toc = [...byLine.values()].map((parts) => parts.join(' '));
    expect(toc?.[0]).toMatch(/^First \.{5,}p2$/);
    expect(toc?.[1]).toMatch(/^Second \.{5,}p4$/);
    // Numbers end at the right edge; the numbers link to their targets too.
    const links = pages[0]?.items.flatMap((item) => item.ops.filter((op) => op.op === 'link')) ?? [];
    expect(links.map((op) => (op.op === 'link' && 'dest' in op.target ? op.target.dest : ''))).toEqual(['first', 'first', 'second', 'second']);
  });
});

describe('hyphenation', () => {
  const hyphenate = (word: string) => (word === 'typesetting' ? [4, 7] : word === 'beautiful' ? [5] : []);
  const justified = (value: string, width: number) =>
    layoutInlines([text(value)], { whiteSpace: 'normal', lineHeight: 1.2, strut: style, x: 0, width, align: 'justify', hyphenate }, metrics).map((line) => lineTexts(line.ops)[0]);

  it('hyphenates the next word of a loose justified line', () => {
    // 16 characters a line: "a good typesetting" does not fit, "a good typeset-" does.
    expect(justified('a good typesetting engine', 80)).toEqual(['a good typeset-', 'ting engine']);
    // The last word of a paragraph is not cut.
    expect(justified('a good typesetting', 80)).toEqual(['a good', 'typesetting']);
  });

  it('leaves tight lines, capitals and heads that do not fit alone', () => {
    expect(justified('abcdefghijklmno typesetting', 80)).toEqual(['abcdefghijklmno', 'typesetting']);
    expect(justified('a good TYPESETTING engine', 80)).toEqual(['a good', 'TYPESETTING', 'engine']);
    expect(justified('aaaaaaaaaaaaaa beautiful end', 100)).toEqual(['aaaaaaaaaaaaaa', 'beautiful end']);
  });
});
