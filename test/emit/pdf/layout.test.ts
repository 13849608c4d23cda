// The layout with fixed-width fake metrics: every character is 5 pt wide at
// 10 pt, so line contents and positions can be computed by hand.
import { describe, expect, it } from 'vitest';
import { layoutDocument, paginate, type VItem } from '../../../src/emit/pdf/layout.js';
import { breakLines, layoutInlines } from '../../../src/emit/pdf/lines.js';
import { prepare } from '../../../src/emit/pdf/segments.js';
import type { Block, Op, TableBlock } from '../../../src/emit/pdf/model.js';
import { columnWidths } from '../../../src/emit/pdf/table.js';
import { fakeMetrics, lineTexts, pageTexts, para, style, text } from './fake-metrics.js';

const metrics = fakeMetrics();
const lines = (value: string | Parameters<typeof layoutInlines>[0], width: number, align: 'left' | 'justify' | 'right' | 'center' = 'left') =>
  layoutInlines(typeof value === 'string' ? [text(value)] : value, { whiteSpace: 'normal', lineHeight: 1.2, strut: style, x: 0, width, align }, metrics);
const texts = (value: string | Parameters<typeof layoutInlines>[0], width: number) => lines(value, width).map((line) => lineTexts(line.ops).join(''));

/** Every word's [x, x + width] on a line, from the fake metrics. */
function wordExtents(ops: readonly Op[]): Array<[number, number]> {
  return ops.flatMap((op) => (op.op === 'text' ? op.runs.flatMap((run) => run.words.map((word) => [word.x, word.x + [...word.text.trimEnd()].length * 5] as [number, number])) : []));
}

describe('line breaking (UAX 14, greedy)', () => {
  it('fills lines up to the width and breaks at spaces', () => {
    // 5 pt per character: 50 pt holds 10 characters.
    expect(texts('aaa bbb ccc ddd eee', 50)).toEqual(['aaa bbb', 'ccc ddd', 'eee']);
    for (const line of lines('aaa bbb ccc ddd eee', 50)) expect(line.width).toBeLessThanOrEqual(50);
  });

  it('collapses white space and ignores leading spaces', () => {
    expect(texts('  aaa \n\t bbb  ', 500)).toEqual(['aaa bbb']);
  });

  it('never breaks at a no-break space: no line starts with » or :', () => {
    const french = 'Il a dit\u00A0: «\u00A0bonjour à tous\u00A0» et puis\u202F! Ensuite «\u202Fau revoir\u202F»\u00A0: fin\u00A0: oui.';
    // From 10 characters (the longest unbreakable group here) up.
    for (let width = 50; width <= 300; width += 5) {
      for (const line of texts(french, width)) {
        expect(line.startsWith('»'), `width ${width}: ${line}`).toBe(false);
        expect(line.startsWith(':'), `width ${width}: ${line}`).toBe(false);
        expect(line.startsWith('!'), `width ${width}: ${line}`).toBe(false);
      }
    }
    // The no-break space is kept (drawn), not turned into a break.
    expect(texts('mot\u00A0: suite', 500)).toEqual(['mot\u00A0: suite']);
  });

  it('keeps hard breaks', () => {
    expect(texts([text('one'), { kind: 'break' }, text('two'), { kind: 'break' }, text('three')], 500)).toEqual(['one', 'two', 'three']);
  });

  it('cuts a word wider than the line, never overflowing and never looping', () => {
    const word = 'x'.repeat(53);
    const result = texts(word, 50);
    expect(result.join('')).toBe(word);
    for (const line of result) expect([...line].length).toBeLessThanOrEqual(10);
    // Narrower than one character: still one character per line.
    expect(texts('abc', 1)).toEqual(['a', 'b', 'c']);
    expect(texts('abc', 0)).toEqual(['a', 'b', 'c']);
    expect(texts('abc', -20)).toEqual(['a', 'b', 'c']);
  });

  it('cuts a huge word in time linear in its length', () => {
    const word = 'ab'.repeat(100_000);
    const started = performance.now();
    const result = layoutInlines([text(word)], { whiteSpace: 'pre', lineHeight: 1.2, strut: style, x: 0, width: 400, align: 'left' }, metrics);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result).toHaveLength(2500);
    expect(result.map((line) => lineTexts(line.ops).join('')).join('')).toBe(word);
  });

  it('cuts long URLs after a separator when it can', () => {
    const url = 'https://example.org/some/rather/long/path/to/a/document.html';
    const result = texts(`see ${url}`, 100);
    expect(result.join('').replace(/^see ?/, '')).toBe(url);
    const cut = result.slice(1, -1);
    expect(cut.length).toBeGreaterThan(0);
    for (const line of cut) expect(line).toMatch(/[/.]$/);
  });

  it('breaks at soft hyphens, drawing a hyphen there and nowhere else', () => {
    const word = 'incon\u00ADstitu\u00ADtionnel\u00ADlement';
    const result = texts(`un ${word}`, 60);
    expect(result.some((line) => line.endsWith('-'))).toBe(true);
    expect(result.join('\n')).not.toContain('\u00AD');
    expect(result.map((line) => line.replace(/-$/, '')).join('')).toBe('unincon stitutionnellement'.replace(' ', '').replace('un', 'un '));
    // Wide enough: no hyphen at all.
    expect(texts(`un ${word}`, 500)).toEqual(['un inconstitutionnellement']);
  });

  it('justifies every line but the last by stretching ordinary spaces only', () => {
    const value = 'aa bb cc dd ee ff gg hh ii jj kk ll mm';
    const result = lines(value, 62, 'justify');
    expect(result.length).toBeGreaterThan(2);
    result.slice(0, -1).forEach((line) => {
      const extents = wordExtents(line.ops);
      expect((extents.at(-1) as [number, number])[1]).toBeCloseTo(62, 5);
    });
    const last = wordExtents((result.at(-1) as { ops: Op[] }).ops);
    expect((last.at(-1) as [number, number])[1]).toBeLessThan(62);
    // A no-break space does not stretch: "aa\u00A0bb" stays one word at its natural width.
    const nbsp = lines('aa\u00A0bb cc dd ee ff gg', 62, 'justify')[0] as { ops: Op[] };
    const words = nbsp.ops.flatMap((op) => (op.op === 'text' ? op.runs.flatMap((run) => run.words) : []));
    expect(words[0]?.text).toBe('aa\u00A0bb ');
  });

  it('aligns right and centre', () => {
    const right = wordExtents((lines('abc', 100, 'right')[0] as { ops: Op[] }).ops);
    expect(right[0]).toEqual([85, 100]);
    const centre = wordExtents((lines('abc', 100, 'center')[0] as { ops: Op[] }).ops);
    expect(centre[0]?.[0]).toBeCloseTo(42.5, 5);
  });

  it('splits runs by face along the fallback chain', () => {
    const fallbackMetrics = fakeMetrics({ fallback: '→' });
    const [line] = layoutInlines([text('a→b')], { whiteSpace: 'normal', lineHeight: 1.2, strut: style, x: 0, width: 100, align: 'left' }, fallbackMetrics);
    const runs = (line?.ops ?? []).flatMap((op) => (op.op === 'text' ? op.runs : []));
    expect(runs.map((run) => [run.face, run.words.map((w) => w.text).join('')])).toEqual([
      ['fake-serif', 'a'],
      ['fallback-serif', '→'],
      ['fake-serif', 'b'],
    ]);
  });

  it('keeps spaces and line ends in preformatted text, expanding tabs', () => {
    const result = layoutInlines([text('a  b\n\tc\n\nd')], { whiteSpace: 'pre', lineHeight: 1.2, strut: style, x: 0, width: 500, align: 'left' }, metrics);
    expect(result.map((line) => lineTexts(line.ops).join(''))).toEqual(['a  b', '    c', '', 'd']);
    expect(result[2]?.height).toBeCloseTo(12, 5);
  });

  it('measures minimum and maximum widths for tables', () => {
    const prepared = prepare([text('aa bbbb c')], { whiteSpace: 'normal', lineHeight: 1.2, strut: style }, metrics);
    expect(prepared.minWidth).toBe(20);
    expect(prepared.maxWidth).toBe(45);
    expect(breakLines(prepared, { x: 0, width: 25, align: 'left' }, metrics).map((line) => lineTexts(line.ops).join(''))).toEqual(['aa', 'bbbb', 'c']);
  });
});

const geometry = { width: 200, height: 200, margins: { top: 20, right: 20, bottom: 20, left: 20 } };
// Text area: 160 × 160 pt; one 10 pt line is 12 pt high: 13 lines per page.

describe('page breaking', () => {
  it('fills pages with lines and starts a new page when one is full', () => {
    const blocks = Array.from({ length: 30 }, (_, i) => para(`line ${i}`));
    const pages = layoutDocument(blocks, { geometry, metrics });
    expect(pages.map((page) => page.items.length)).toEqual([13, 13, 4]);
    expect(pageTexts(pages).flat()).toEqual(blocks.map((_, i) => `line ${i}`));
    for (const page of pages) for (const item of page.items) expect(item.y + 12).toBeLessThanOrEqual(180 + 1e-9);
  });

  it('drops the space between blocks at the top of a page', () => {
    const blocks = Array.from({ length: 20 }, (_, i) => para(`p${i}`, { spaceBefore: 6, spaceAfter: 6 }));
    const pages = layoutDocument(blocks, { geometry, metrics });
    for (const page of pages) expect(Math.min(...page.items.map((item) => item.y))).toBe(20);
  });

  it('keeps a heading with the next block', () => {
    const blocks: Block[] = [
      ...Array.from({ length: 12 }, (_, i) => para(`p${i}`)),
      para('Heading', { keepWithNext: true, role: 'H2' }),
      para('after the heading'),
    ];
    const pages = pageTexts(layoutDocument(blocks, { geometry, metrics }));
    expect(pages[0]?.at(-1)).toBe('p11');
    expect(pages[1]).toEqual(['Heading', 'after the heading']);
  });

  it('starts a new page at a page break, without blank pages', () => {
    const blocks: Block[] = [
      { kind: 'pageBreak', role: 'Artifact', spaceBefore: 0, spaceAfter: 0 },
      para('one'),
      { kind: 'pageBreak', role: 'Artifact', spaceBefore: 0, spaceAfter: 0 },
      { kind: 'pageBreak', role: 'Artifact', spaceBefore: 0, spaceAfter: 0 },
      para('two'),
    ];
    expect(pageTexts(layoutDocument(blocks, { geometry, metrics }))).toEqual([['one'], ['two']]);
  });

  it('lays out an empty document as one empty page', () => {
    expect(layoutDocument([], { geometry, metrics })).toEqual([{ number: 1, items: [] }]);
  });

  it('scales an image taller than the page to fit it', () => {
    const pages = layoutDocument(
      [{ kind: 'image', role: 'Figure', content: { kind: 'image', key: 'a' }, width: 100, height: 5000, alt: '', spaceBefore: 0, spaceAfter: 0 }],
      { geometry, metrics },
    );
    const op = pages[0]?.items[0]?.ops.find((o) => o.op === 'object') as Extract<Op, { op: 'object' }>;
    expect(op.h).toBeLessThanOrEqual(160);
    expect(op.w / op.h).toBeCloseTo(100 / 5000, 5);
  });

  it('never loops on boxes taller than a page', () => {
    const items: VItem[] = [
      { kind: 'box', height: 500, ops: [] },
      { kind: 'glue', height: -5, ops: [] },
      { kind: 'box', height: 0, ops: [] },
      { kind: 'box', height: 50, ops: [], keepWithNext: true },
      { kind: 'box', height: 500, ops: [] },
    ];
    const pages = paginate(items, 100);
    expect(pages.flatMap((page) => page.body)).toHaveLength(4);
  });
});

function table(rows: number, columns: number, cell: (r: number, c: number) => string): TableBlock {
  return {
    kind: 'table',
    role: 'Table',
    align: Array.from({ length: columns }, () => 'left' as const),
    header: { cells: Array.from({ length: columns }, (_, c) => ({ inlines: [text(`H${c}`)] })) },
    rows: Array.from({ length: rows }, (_, r) => ({ cells: Array.from({ length: columns }, (_, c) => ({ inlines: [text(cell(r, c))] })) })),
    headerStyle: { ...style, bold: true },
    bodyStyle: style,
    lineHeight: 1.2,
    headerBackground: '#eeeeee',
    borderColor: '#cccccc',
    padding: 2,
    spaceBefore: 0,
    spaceAfter: 0,
  };
}

describe('tables', () => {
  it('sizes columns from their content within the text width', () => {
    expect(columnWidths([10, 20], [30, 40], 200)).toEqual([30, 40]);
    const shared = columnWidths([10, 20], [110, 120], 130);
    expect(shared.reduce((a, b) => a + b)).toBeCloseTo(130, 5);
    expect(shared[0]).toBeGreaterThan(10);
    const squeezed = columnWidths(Array(60).fill(30), Array(60).fill(60), 160);
    expect(squeezed.reduce((a, b) => a + b)).toBeCloseTo(160, 5);
  });

  it('splits rows across pages and repeats the header row on each page', () => {
    const pages = pageTexts(layoutDocument([table(40, 2, (r, c) => `r${r}c${c}`)], { geometry, metrics }));
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page.slice(0, 2)).toEqual(['H0', 'H1']);
    const body = pages.flatMap((page) => page.slice(2));
    expect(body).toEqual(Array.from({ length: 40 }, (_, r) => [`r${r}c0`, `r${r}c1`]).flat());
  });

  it('splits a row taller than a page between lines of its cells', () => {
    const long = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const pages = pageTexts(layoutDocument([table(1, 2, (_, c) => (c === 0 ? long : 'short'))], { geometry, metrics }));
    expect(pages.length).toBeGreaterThan(1);
    const words = pages.flatMap((page) => page.slice(2)).join(' ').split(' ').filter((w) => w.startsWith('w'));
    expect(words).toEqual(Array.from({ length: 200 }, (_, i) => `w${i}`));
  });

  it('lays out 60 columns and 10,000 rows without overflowing the text width', () => {
    const wide = layoutDocument([table(3, 60, (r, c) => `cell-${r}-${c}-content`)], { geometry, metrics });
    for (const page of wide) {
      for (const item of page.items) {
        for (const op of item.ops) if (op.op === 'line') expect(Math.max(op.x1, op.x2)).toBeLessThanOrEqual(180 + 1e-6);
      }
    }
    const started = performance.now();
    const tall = layoutDocument([table(10_000, 3, (r) => `row ${r}`)], { geometry, metrics });
    expect(tall.length).toBeGreaterThan(500);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
