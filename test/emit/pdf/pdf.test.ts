// The PDF emitter end to end, judged by independent readers: pdf.js for
// text, links, destinations and metadata, qpdf for structure, pdffonts for
// embedding. Every PDF made here goes through `qpdf --check` (pdfOf).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { convert } from '../../../src/convert.js';
import { resolvePdfOptions } from '../../../src/emit/pdf/index.js';
import { renderPdfWithPages } from '../../../src/emit/pdf/render.js';
import { documentOf, fixedDate, fixtureDocument, makePng, pdfFonts, pdfMessages, pdfOf, qpdfCheck, readPdf } from './read.js';

const squash = (value: string) => value.replace(/[\s\u00A0\u202F]+/g, '');
/** Text compared without hyphens: hyphenation adds some at line ends. */
const unhyphenated = (value: string) => value.replace(/[-\u00AD]/g, '');

/** The text of each leaf block (paragraph, heading, code, table cell), in document order; notes excluded. */
function blockTexts(tree: Root, footnotes: readonly string[] = []): string[] {
  const texts: string[] = [];
  // Text as drawn: footnote calls show their number, raw HTML tags nothing.
  const plain = (node: Nodes): string => {
    if (node.type === 'footnoteReference') return String(footnotes.indexOf(node.identifier) + 1);
    if (node.type === 'html' || node.type === 'inlineMath') return '';
    if ('value' in node) return node.value;
    return 'children' in node ? node.children.map((child) => plain(child as Nodes)).join('') : '';
  };
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition' || node.type === 'yaml' || node.type === 'definition') return SKIP;
    if (node.type === 'math') return SKIP;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code' || node.type === 'tableCell') {
      const text = squash(plain(node));
      if (text) texts.push(text);
      return SKIP;
    }
    return undefined;
  });
  return texts;
}

function expectInOrder(text: string, blocks: readonly string[]): void {
  const haystack = unhyphenated(text);
  let from = 0;
  for (const needle of blocks.map(unhyphenated)) {
    const at = haystack.indexOf(needle, from);
    expect(at, `"${needle.slice(0, 60)}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

describe('the seed press release', async () => {
  const document = fixtureDocument('press-release-fr');
  const bytes = await pdfOf(document);
  const pdf = await readPdf(bytes);
  const lines = pdf.pages.flatMap((page) => page.lines);

  it('has the text of every block, in reading order', () => {
    expectInOrder(squash(lines.join('')), blockTexts(document.tree));
  });

  it('starts no line with » or :', () => {
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) {
      expect(line.trimStart().startsWith('»'), line).toBe(false);
      expect(line.trimStart().startsWith(':'), line).toBe(false);
    }
    // The guillemets and colons are there (the no-break spaces share the space's glyph, so they read back as spaces).
    expect(lines.join('\n')).toMatch(/« \S/);
    expect(lines.join('\n')).toMatch(/\S »/);
    expect(lines.join('\n')).toMatch(/\S : \S/);
  });

  it('keeps the address block’s line breaks', () => {
    expect(lines.slice(0, 3)).toEqual([
      'AXELLE LEMAIRE',
      'SECRÉTAIRE D’ÉTAT AU NUMÉRIQUE,',
      'AUPRES DU MINISTRE DE L’ÉCONOMIE, DE L’INDUSTRIE ET DU NUMÉRIQUE',
    ]);
    expect(lines).toContain('Paris, le 23 juillet 2015');
    expect(lines).toContain('N°793');
  });

  it('draws accents and œ in embedded, subset fonts with Unicode maps', () => {
    expect(lines.join('\n')).toContain('mise en œuvre');
    expect(lines.join('\n')).toContain('défis');
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(1);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
    }
    expect(fonts.map((font) => font.name.split('+')[1])).toEqual(expect.arrayContaining(['NotoSerif-Regular', 'NotoSerif-Italic', 'NotoSans-Bold']));
  });

  it('sets the heading in the bold heading face', async () => {
    const { pages } = await renderPdfWithPages(fixtureDocument('press-release-fr'), resolvePdfOptions({}), fixedDate);
    // The heading itself, not the running head that repeats it (an artifact, without a structure element).
    const runs = pages.flatMap((page) => page.items.flatMap((item) => item.ops.flatMap((op) => (op.op === 'text' ? op.runs : []))));
    const heading = runs.filter((run) => run.tag?.role === 'H2' && run.words.some((word) => word.text.startsWith('Remise')));
    expect(heading.length).toBeGreaterThan(0);
    for (const run of heading) expect(run.face).toBe('Noto Sans/bold');
  });

  it('makes the links clickable', () => {
    const links = pdf.pages.flatMap((page) => page.links);
    expect(links.map((link) => link.url)).toEqual(expect.arrayContaining(['http://www.economie.gouv.fr/', 'mailto:sec.senum-presse@cabinets.finances.gouv.fr']));
    // The e-mail address is cut over two lines: one rectangle per line.
    expect(links.filter((link) => link.url?.startsWith('mailto:')).length).toBeGreaterThanOrEqual(1);
  });

  it('writes the metadata: title, language, creator', () => {
    expect(pdf.info).toMatchObject({
      Title: document.file.data.meta?.title,
      Language: 'fr',
      Creator: expect.stringMatching(/^galley /),
      Producer: expect.stringMatching(/^galley .*PDFKit/),
    });
    expect(String(pdf.info.CreationDate)).toMatch(/^D:20261129120000/);
  });

  it('sends its `#` link to the top of the first page, as a browser and the DOCX do, without a warning', () => {
    const toTop = pdf.pages.map((page) => page.links.filter((link) => link.dest === ':top').length);
    expect(toTop.reduce((sum, n) => sum + n, 0)).toBe(1);
    expect(pdf.destinationPages.get(':top')).toBe(1);
    expect(pdfMessages(document)).toEqual([]);
  });
});

describe('fragment links', () => {
  it('go to their heading, `#` and `#top` to the top of the document, and any other fragment is reported', async () => {
    const document = documentOf('# Heading\n\n[a](#heading), [b](#), [c](#top), [d](#nowhere).\n');
    const pdf = await readPdf(await pdfOf(document));
    expect(pdf.pages[0]?.links.map((link) => link.dest)).toEqual(['heading', ':top', ':top']);
    expect(pdfMessages(document)).toEqual([`3:35 [broken-link] link to "#nowhere" has no target in this document; its text is kept without a link`]);
  });

  it('keep two links, code spans or underlines apart when only a comma separates them', async () => {
    const document = documentOf('# Heading\n\nSee [one](#heading), [two](#heading) and `a`, `b`.\n');
    const pdf = await readPdf(await pdfOf(document));
    expect(pdf.pages[0]?.links.map((link) => link.dest)).toEqual(['heading', 'heading']);
    const { pages } = await renderPdfWithPages(document, resolvePdfOptions({}), fixedDate);
    const ops = pages.flatMap((page) => page.items.flatMap((item) => item.ops));
    const codeBackground = resolvePdfOptions({}).theme.roles.code.background;
    expect(ops.filter((op) => op.op === 'rect' && op.fill === codeBackground)).toHaveLength(2);
  });
});

describe('the showcase', async () => {
  const document = fixtureDocument('showcase');
  const bytes = await pdfOf(document);
  const pdf = await readPdf(bytes);
  const lines = pdf.pages.flatMap((page) => page.lines);
  const all = lines.join('\n');

  it('has the text of every block, in reading order', () => {
    expectInOrder(squash(lines.join('')), blockTexts(document.tree, document.file.data.footnotes));
  });

  it('starts a page at the page break', () => {
    const page = pdf.pages.find((p) => p.lines[0] === 'Headings at every level');
    expect(page, 'a page starting with the heading after \\newpage').toBeDefined();
    expect(pdf.numPages).toBeGreaterThanOrEqual(3);
  });

  it('draws Greek, Cyrillic, arrows and maths signs through the fallback chain', () => {
    expect(all).toContain('Ελληνικά');
    expect(all).toContain('Русский');
    expect(all).toContain('← ↑ → ↓ ⇒');
    expect(all).toContain('≤ ≥ ≠ ± × ÷');
    expect(pdfMessages(document).filter((m) => m.includes('missing-glyphs'))).toEqual([]);
    expect(pdfFonts(bytes).map((font) => font.name.split('+')[1])).toContain('DejaVuSans');
    for (const font of pdfFonts(bytes)) expect(font.embedded, font.name).toBe(true);
  });

  it('links inside the document to named destinations', () => {
    const links = pdf.pages.flatMap((page) => page.links);
    const dests = links.flatMap((link) => (link.dest ? [link.dest] : []));
    expect(dests).toEqual(expect.arrayContaining(['intro', 'tables', 'fn-first', 'fn-long', 'fnref-first']));
    for (const dest of dests) expect(pdf.destinations).toContain(dest);
    expect(links.map((link) => link.url)).toEqual(expect.arrayContaining(['https://spec.commonmark.org/', 'https://commonmark.org/']));
  });

  it('numbers footnotes by first reference and sets them at the foot of the page that calls them', () => {
    const page = pdf.pages.find((p) => p.lines.some((line) => line.includes('first reference.1')));
    expect(page, 'the page with the first call').toBeDefined();
    const notes = (page as { lines: string[] }).lines.slice(-2);
    expect(notes[0]).toMatch(/^1\.\s*The first footnote\./);
    expect(notes[1]).toMatch(/^2\.\s*A longer footnote, with emphasis and a link\./);
    expect(lines.filter((line) => /^1\.\s*The first footnote/.test(line))).toHaveLength(1);
  });

  it('keeps code, tables and lists', () => {
    expect(all).toContain('export function greet(name: string): string {');
    expect(all).toContain('return n if n < 2 else fib(n - 1) + fib(n - 2)');
    expect(unhyphenated(squash(all))).toContain('H2O,E=mc2,pressCtrl+C,ahighlight.');
    expect(lines).toContain('Format Extension Binary Size');
    expect(lines).toContain('PDF .pdf yes 48 KB');
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^3\.\s*An ordered list that starts at three$/), expect.stringMatching(/^☑\s*a finished task$/)]));
  });

  it('embeds the PNG and draws the SVG', () => {
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect(pdfMessages(document).filter((m) => m.includes('image'))).toEqual([]);
  });

  it('writes title, author, subject, keywords and language', () => {
    expect(pdf.info).toMatchObject({
      Title: 'galley showcase',
      Author: 'Ada Lovelace, Charles Babbage',
      Subject: 'A tour of the Markdown that galley turns into HTML, PDF, DOCX and JSON.',
      Keywords: 'markdown, pdf, docx, html',
      Language: 'en-GB',
    });
  });

  it('draws math as vector paths, not as TeX', () => {
    expect(pdfMessages(document)).toEqual([]);
    expect(all).toContain('Inline mathematics such as');
    expect(all).not.toContain('\\frac');
    expect(all).not.toContain('e^{i');
  });
});

describe('determinism', () => {
  it('gives byte-identical PDFs for the same date', async () => {
    const first = await pdfOf(fixtureDocument('showcase'));
    const second = await pdfOf(fixtureDocument('showcase'));
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    const later = await (await import('../../../src/emit/pdf/index.js')).toPdf(fixtureDocument('showcase'), {}, new Date(Date.UTC(2030, 0, 1)));
    expect(Buffer.compare(Buffer.from(first), Buffer.from(later))).not.toBe(0);
    expect(later.length).toBe(first.length);
  });

  it('is the emitter the registry and convert() use, with SOURCE_DATE_EPOCH’s date', async () => {
    const { results } = await convert({ path: 'a.md', value: '# Hello\n\nWorld.' }, { to: ['pdf'], assets: false, emit: { date: fixedDate } });
    const emitted = results[0]?.emitted;
    expect(emitted?.kind).toBe('binary');
    const value = emitted?.value as Uint8Array;
    qpdfCheck(value);
    expect((await readPdf(value)).pages[0]?.lines.slice(0, 2)).toEqual(['Hello', 'World.']);
  });
});

describe('robustness', () => {
  it('makes one valid page from an empty document', async () => {
    const pdf = await readPdf(await pdfOf(documentOf('')));
    expect(pdf.numPages).toBe(1);
  });

  it('cuts a word wider than the line instead of overflowing', async () => {
    const { pages } = await renderPdfWithPages(documentOf(`${'x'.repeat(3000)} and https://example.org/${'segment/'.repeat(80)}`), resolvePdfOptions({}), fixedDate);
    for (const page of pages) {
      for (const item of page.items) {
        for (const op of item.ops) if (op.op === 'text') for (const run of op.runs) for (const word of run.words) expect(word.x).toBeLessThan(595.3 - 72 + 1);
      }
    }
    expect(pages.length).toBeGreaterThanOrEqual(1);
  });

  it('lays out a table with 60 columns and one with 10,000 rows', async () => {
    const wide = `|${Array.from({ length: 60 }, (_, i) => ` h${i} `).join('|')}|\n|${' --- |'.repeat(60)}\n|${Array.from({ length: 60 }, (_, i) => ` value-${i}-long `).join('|')}|\n`;
    const wideDocument = documentOf(wide);
    await pdfOf(wideDocument);
    const { pages } = await renderPdfWithPages(wideDocument, resolvePdfOptions({ pageNumbers: false }), fixedDate);
    const rules = pages.flatMap((page) => page.items.flatMap((item) => item.ops.filter((op) => op.op === 'line')));
    expect(rules.length).toBeGreaterThan(60);
    // Every border within the text area (A4, 72 pt margins).
    for (const rule of rules) if (rule.op === 'line') expect(Math.max(rule.x1, rule.x2)).toBeLessThanOrEqual(595.28 - 72 + 0.01);
    const characters = pages.flatMap((page) => page.items.flatMap((item) => item.ops.flatMap((op) => (op.op === 'text' ? op.runs.flatMap((run) => run.words.map((word) => word.text)) : [])))).join('');
    expect(characters.replace(/\s/g, '').length).toBe(wide.split('\n')[0]?.replace(/[|\s]/g, '').concat(wide.split('\n')[2] as string).replace(/[|\s]/g, '').length);
    const tall = `| a | b |\n| - | - |\n${Array.from({ length: 10_000 }, (_, i) => `| row ${i} | ${i * 2} |`).join('\n')}\n`;
    const tallPdf = await readPdf(await pdfOf(documentOf(tall)));
    expect(tallPdf.numPages).toBeGreaterThan(100);
    for (const page of tallPdf.pages) expect(squash(page.lines[0] ?? '')).toBe('ab');
    expect(tallPdf.pages.at(-1)?.lines.map(squash)).toContain('row999919998');
  }, 120_000);

  it('scales an image taller than the page, and reports images it cannot draw', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'galley-pdf-images-'));
    writeFileSync(path.join(dir, 'tall.png'), makePng(20, 4000));
    const broken = makePng(30, 30);
    writeFileSync(path.join(dir, 'broken.png'), Buffer.concat([broken.subarray(0, 50), Buffer.alloc(20), broken.subarray(70)]));
    writeFileSync(path.join(dir, 'anim.gif'), Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));
    const document = documentOf('![tall](tall.png)\n\n![broken](broken.png)\n\n![a gif](anim.gif)\n\nText after.\n', dir);
    const { pages } = await renderPdfWithPages(document, resolvePdfOptions({}), fixedDate);
    const image = pages[0]?.items.flatMap((item) => item.ops).find((op) => op.op === 'object');
    expect(image && image.op === 'object' && image.h).toBeLessThanOrEqual(841.9 - 144);
    expect(pdfMessages(document)).toEqual([
      expect.stringMatching(/^3:1 \[image-format\] the PNG (file|data) .*"broken\.png" is not drawn; the alt text stands in$/),
      '5:1 [image-format] GIF images cannot be embedded in PDF: "anim.gif" is not drawn; the alt text stands in',
    ]);
    const pdf = await readPdf(await pdfOf(documentOf('![tall](tall.png)\n\n![broken](broken.png)\n\n![a gif](anim.gif)\n\nText after.\n', dir)));
    expect(pdf.pages.flatMap((p) => p.lines)).toEqual(expect.arrayContaining(['broken', 'a gif', 'Text after.']));
  });

  it('embeds JPEG images as they are', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'galley-pdf-jpeg-'));
    // A JPEG made by an independent tool: poppler renders a page of a PDF.
    writeFileSync(path.join(dir, 'page.pdf'), await pdfOf(documentOf('# A page to photograph')));
    execFileSync('pdftoppm', ['-jpeg', '-r', '20', '-singlefile', path.join(dir, 'page.pdf'), path.join(dir, 'photo')]);
    const document = documentOf('![a photo](photo.jpg)\n', dir);
    const bytes = await pdfOf(document);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Filter \/DCTDecode/);
    expect(pdfMessages(document)).toEqual([]);
  });

  it('reports raw HTML it does not draw, keeps sub, sup, kbd, mark and br', async () => {
    const line = 'H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>, <mark>hi</mark>,<br>next <span>x</span>';
    const document = documentOf(`<div>block</div>\n\n${line}\n`);
    const pdf = await readPdf(await pdfOf(document));
    expect(pdf.pages[0]?.lines).toEqual(['H2O, x2, Ctrl, hi,', 'next x']);
    expect(pdfMessages(document)).toEqual([
      '1:1 [raw-html] raw HTML block <div>block</div> is not drawn in PDF',
      `3:${line.indexOf('<span>') + 1} [raw-html] raw HTML tag <span> is not drawn in PDF`,
      `3:${line.indexOf('</span>') + 1} [raw-html] raw HTML tag </span> is not drawn in PDF`,
    ]);
  });

  it('shows invalid TeX as its source, with a positioned warning', async () => {
    const document = documentOf('Good $x^2$ and bad $\\frac{1$ and \n\n$$\n\\undefinedcommand{x}\n$$\n');
    const pdf = await readPdf(await pdfOf(document));
    const text = pdf.pages.flatMap((page) => page.lines).join('\n');
    expect(text).toContain('\\frac{1');
    expect(text).toContain('\\undefinedcommand{x}');
    expect(text).not.toContain('x^2');
    expect(pdfMessages(document)).toEqual([
      expect.stringMatching(/^1:20 \[math\] TeX error: .+; the TeX source is shown instead$/),
      expect.stringMatching(/^3:1 \[math\] TeX error: .*undefinedcommand.*; the TeX source is shown instead$/),
    ]);
  });

  it('lists characters no font covers once per document', async () => {
    const document = documentOf('漢字 and 漢 again, and 字.\n\nMore 漢.\n');
    await pdfOf(document);
    expect(pdfMessages(document)).toEqual([
      '-:- [missing-glyphs] 2 characters no font covers are drawn as empty boxes: U+5B57 字, U+6F22 漢; add a font that covers them (pdf.fonts)',
    ]);
  });

  it('survives deep nesting, odd layouts and huge fonts', async () => {
    const nested = Array.from({ length: 25 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const quotes = `${'> '.repeat(50)}deep quote`;
    for (const markdown of [nested, quotes, '---\nmargin: 0cm\nfontsize: 72pt\npapersize: a5\n---\n\n# A title\n\nText.', '---\nmargin: 20cm\n---\n\nText.']) {
      const pdf = await readPdf(await pdfOf(documentOf(markdown)));
      expect(pdf.numPages).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('user fonts', () => {
  it('reads font files through the IO gate and uses them in the fallback chain', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'galley-pdf-fonts-'));
    const require = createRequire(import.meta.url);
    copyFileSync(path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf/DejaVuSerif.ttf'), path.join(dir, 'extra.ttf'));
    writeFileSync(path.join(dir, 'not-a-font.ttf'), 'hello');
    // The first 3,000 bytes of a real font: a header whose tables are cut off.
    writeFileSync(path.join(dir, 'truncated.ttf'), readFileSync(path.join(dir, 'extra.ttf')).subarray(0, 3000));
    const document = documentOf('Infinity: ∞.\n');
    const bytes = await pdfOf(document, { fonts: ['extra.ttf', 'not-a-font.ttf', 'truncated.ttf', '../outside.ttf', 'missing.ttf'], fontDir: dir });
    expect(pdfFonts(bytes).map((font) => font.name.split('+')[1])).toContain('DejaVuSerif');
    const messages = pdfMessages(document);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(/\[font\] "not-a-font\.ttf" is not a usable font: not a TrueType, OpenType or WOFF font/);
    expect(messages[1]).toMatch(/\[font\] "truncated\.ttf" is not a usable font: the file is damaged or truncated; the font is not used$/);
    expect(messages[2]).toMatch(/\[font\] "\.\.\/outside\.ttf" is outside/);
    expect(messages[3]).toMatch(/\[font\] "missing\.ttf" does not exist/);
  });
});
