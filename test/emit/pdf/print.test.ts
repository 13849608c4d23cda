// Print features read back from the PDFs by independent parsers: qpdf's
// JSON (outline, destinations, the structure tree, metadata) and pdf.js
// (text by page, link annotations, named destinations). For the showcase
// and the 1 MB corpus document: the outline is the headings, every internal
// link and contents entry goes to the page of its target, every page says
// "Page X of Y", and every footnote's text is on the page of its call.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../src/document.js';
import { patternsFor } from '../../../src/emit/pdf/hyphenate.js';
import { documentOf, fixtureDocument, pdfFonts, pdfOf, readPdf, type ReadPdf, type StructElement } from './read.js';
import { parse } from '../../../src/parse/index.js';
import { toString } from 'mdast-util-to-string';
import type { FootnoteDefinition } from 'mdast';
import { makeCorpus } from '../../helpers/corpus.js';

/** Text compared without spaces and hyphens, in compatibility form (pdf.js reads µ as μ). */
const squash = (value: string) => value.normalize('NFKC').replace(/[\s\u00A0\u202F\u00AD-]+/g, '');

/** qpdf's JSON view of a PDF: every object, and the resolved outline. */
function qpdf(bytes: Uint8Array): { objects: Record<string, { value?: unknown; stream?: { dict: Record<string, unknown> } }>; outlines: QpdfOutline[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'galley-qpdf-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-stream-data=none', file], { encoding: 'utf8', maxBuffer: 1 << 30 })) as {
      qpdf: [unknown, Record<string, { value?: unknown; stream?: { dict: Record<string, unknown> } }>];
      outlines: QpdfOutline[];
    };
    return { objects: json.qpdf[1], outlines: json.outlines };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface QpdfOutline {
  title: string;
  destpageposfrom1: number;
  kids: QpdfOutline[];
}

/** The structure tree in document order, from the StructTreeRoot down, as qpdf reads it. */
function structureTree(objects: ReturnType<typeof qpdf>['objects']): StructElement {
  const value = (ref: unknown): Record<string, unknown> => {
    const object = objects[`obj:${ref as string}`];
    return ((object?.value ?? object?.stream?.dict) ?? {}) as Record<string, unknown>;
  };
  const text = (raw: unknown) => (typeof raw === 'string' ? raw.replace(/^u:/, '') : undefined);
  const root = value((objects.trailer?.value as { '/Root': string })['/Root']);
  const walk = (ref: unknown): StructElement | undefined => {
    const element = value(ref);
    // Structure elements: an /S and a parent /P (their /Type is optional).
    if (typeof element['/S'] !== 'string' || element['/P'] === undefined) return undefined;
    const kids = Array.isArray(element['/K']) ? element['/K'] : element['/K'] === undefined ? [] : [element['/K']];
    const children = kids.filter((kid): kid is string => typeof kid === 'string' && / R$/.test(kid)).flatMap((kid) => walk(kid) ?? []);
    const alt = text(element['/Alt']);
    return { role: String(element['/S']).slice(1), ...(alt !== undefined ? { alt } : {}), children };
  };
  const treeRoot = value(root['/StructTreeRoot']);
  const kids = treeRoot['/K'] as string[];
  return { role: 'StructTreeRoot', children: kids.flatMap((kid) => walk(kid) ?? []) };
}

function flatten(element: StructElement): StructElement[] {
  return [element, ...element.children.flatMap(flatten)];
}

function flattenOutline(items: readonly QpdfOutline[], depth = 0): Array<{ title: string; page: number; depth: number }> {
  return items.flatMap((item) => [{ title: item.title, page: item.destpageposfrom1, depth }, ...flattenOutline(item.kids, depth + 1)]);
}

/** Checks every promise of the print features on a document and its PDF. */
async function checkPrint(document: Document, bytes: Uint8Array, options: { contents?: boolean } = {}): Promise<ReadPdf> {
  const pdf = await readPdf(bytes);
  const { objects, outlines } = qpdf(bytes);
  const data = document.file.data as Required<typeof document.file.data>;
  const pageText = pdf.pages.map((page) => squash(page.lines.join('')));
  const onPage = (page: number, value: string) => pageText[page - 1]?.includes(squash(value)) ?? false;

  // The outline is the headings, nested by level, each going to the page that shows the heading.
  const outline = flattenOutline(outlines);
  expect(outline.map((entry) => entry.title)).toEqual(data.outline.map((entry) => entry.text));
  const depths = data.outline.map((entry) => entry.depth);
  outline.forEach((entry, i) => {
    const parent = outline.slice(0, i).reverse().find((other) => other.depth < entry.depth);
    const parentDepth = parent ? depths[outline.indexOf(parent)] : 0;
    expect(depths[i] as number, entry.title).toBeGreaterThan(parentDepth as number);
    expect(onPage(entry.page, entry.title), `${entry.title} on page ${entry.page}`).toBe(true);
  });
  const catalog = objects[`obj:${(objects.trailer?.value as { '/Root': string })['/Root']}`]?.value as Record<string, unknown>;
  expect(catalog['/PageMode']).toBe(data.outline.length > 0 ? '/UseOutlines' : undefined);

  // Page X of Y on every page, in the document's language.
  const total = pdf.numPages;
  pdf.pages.forEach((page, i) => expect(page.footer, `page ${i + 1}`).toBe(data.meta.lang.startsWith('fr') ? `Page ${i + 1} sur ${total}` : `Page ${i + 1} of ${total}`));

  // Every internal link goes to the page of its target.
  const headingText = new Map(data.outline.map((entry) => [entry.id, entry.text]));
  const noteNumber = new Map(data.footnotes.map((id, i) => [`fn-${id}`, i + 1]));
  const callPages = new Map<string, number[]>();
  pdf.pages.forEach((page, i) => {
    for (const link of page.links) if (link.dest?.startsWith('fn-')) callPages.set(link.dest, [...(callPages.get(link.dest) ?? []), i + 1]);
  });
  let internal = 0;
  pdf.pages.forEach((page, i) => {
    for (const link of page.links) {
      if (!link.dest) continue;
      internal++;
      const target = pdf.destinationPages.get(link.dest);
      expect(target, `destination ${link.dest} (page ${i + 1})`).toBeGreaterThan(0);
      const heading = headingText.get(decodeURIComponent(link.dest));
      if (heading) expect(onPage(target as number, heading), `${heading} on page ${target}`).toBe(true);
      const number = noteNumber.get(link.dest);
      if (number) expect(pdf.pages[(target as number) - 1]?.lines.some((line) => /^\d+\./.test(line) && line.startsWith(`${number}.`)), `note ${number} on page ${target}`).toBe(true);
      if (link.dest.startsWith('fnref-')) {
        const id = link.dest.replace(/^fnref-/, '').replace(/-\d+$/, '');
        expect(callPages.get(`fn-${id}`), `call of ${id}`).toContain(target);
      }
    }
  });
  if (data.footnotes.length > 0) expect(internal).toBeGreaterThan(data.footnotes.length);

  // Each footnote's text starts on the page of its first call.
  const definitions = new Map<string, string>();
  for (const node of document.tree.children) if (node.type === 'footnoteDefinition') definitions.set((node as FootnoteDefinition).identifier, toString(node));
  data.footnotes.forEach((id, i) => {
    const call = callPages.get(`fn-${id}`)?.[0];
    expect(call, `call of note ${id}`).toBeDefined();
    const start = squash(`${i + 1}.${definitions.get(id) ?? ''}`).slice(0, 16);
    const notePage = pdf.pages.findIndex((page) => page.lines.some((line) => squash(line).startsWith(start))) + 1;
    expect(notePage, `note ${i + 1}`).toBe(call);
  });

  // Contents entries: dot leaders and the page of their heading.
  if (options.contents) {
    const entries = pdf.pages.flatMap((page) => page.lines).flatMap((line) => {
      const match = /^(.+?)\s*(?:\.\s*){3,}(\d+)$/.exec(line);
      return match ? [{ title: match[1] as string, page: Number(match[2]) }] : [];
    });
    expect(entries.length).toBeGreaterThan(5);
    let from = 0;
    for (const entry of entries) {
      // Entries in the order of the headings (two headings may have the same text).
      const index = data.outline.findIndex((candidate, i) => i >= from && squash(candidate.text) === squash(entry.title));
      from = index + 1;
      const heading = data.outline[index];
      expect(heading, entry.title).toBeDefined();
      expect(pdf.destinationPages.get((heading as { id: string }).id), entry.title).toBe(entry.page);
      expect(onPage(entry.page, entry.title)).toBe(true);
    }
  }
  return pdf;
}

describe('the showcase in print', async () => {
  const document = fixtureDocument('showcase');
  const bytes = await pdfOf(document);
  const pdf = await checkPrint(document, bytes, { contents: true });
  const { objects } = qpdf(bytes);
  const tree = structureTree(objects);

  it('opens with a title page: title, subtitle, authors, the date in the document’s language, then the contents', () => {
    expect(pdf.pages[0]?.lines.slice(0, 5)).toEqual(['galley showcase', 'Every syntax galley supports, in one document', 'Ada Lovelace, Analytical Engines Ltd', 'Charles Babbage', '29 November 2026']);
    expect(pdf.pages[0]?.lines[5]).toBe('Contents');
    expect(pdf.pages[0]?.header).toBeUndefined();
  });

  it('runs the current section’s title at the head of every other page', () => {
    expect(pdf.pages.slice(1).map((page) => page.header)).toEqual(pdf.pages.slice(1).map((page) => expect.stringMatching(/\S/) as unknown as string));
    const code = pdf.pages.findIndex((page) => page.lines[0] === 'Code');
    expect(pdf.pages[code]?.header).toBe('Code');
  });

  it('captions figures with their number and alt text', () => {
    const lines = pdf.pages.flatMap((page) => page.lines);
    expect(lines).toContain('Figure 1: The architecture diagram, a PNG in a subfolder');
    expect(lines).toContain('Figure 2: The pipeline, as an SVG');
  });

  it('is a tagged PDF: headings, lists, tables, figures with alt text, notes, links and code in reading order', () => {
    const documentElement = tree.children[0] as StructElement;
    expect(documentElement.role).toBe('Document');
    const elements = flatten(documentElement);
    const roles = elements.map((element) => element.role);
    for (const role of ['Title', 'TOC', 'TOCI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'L', 'LI', 'Lbl', 'LBody', 'BlockQuote', 'Code', 'Table', 'TR', 'TH', 'TD', 'Figure', 'Caption', 'Formula', 'Note', 'Link']) {
      expect(roles, role).toContain(role);
    }
    // Headings in the order of the document.
    const headings = documentElement.children.filter((element) => /^H\d$/.test(element.role)).map((element) => element.role);
    expect(headings.slice(0, 4)).toEqual(['H1', 'H1', 'H2', 'H2']);
    // Figures carry their alt text; the formula its TeX.
    const figures = elements.filter((element) => element.role === 'Figure');
    expect(figures.map((figure) => figure.alt)).toEqual(expect.arrayContaining(['The architecture diagram, a PNG in a subfolder', 'The pipeline, as an SVG']));
    expect(figures.find((figure) => figure.alt?.startsWith('The architecture'))?.children.map((child) => child.role)).toEqual(['Caption']);
    expect(elements.filter((element) => element.role === 'Formula').map((formula) => formula.alt)).toEqual(expect.arrayContaining(['e^{i\\pi} + 1 = 0']));
    // A list item: its label, then its body.
    const item = elements.find((element) => element.role === 'LI') as StructElement;
    expect(item.children.map((child) => child.role)).toEqual(['Lbl', 'LBody']);
    // Table rows: a header row of TH, then rows of TD.
    const table = elements.find((element) => element.role === 'Table') as StructElement;
    expect(table.children.map((row) => row.children.map((cell) => cell.role).join(','))).toEqual(['TH,TH,TH,TH', 'TD,TD,TD,TD', 'TD,TD,TD,TD', 'TD,TD,TD,TD', 'TD,TD,TD,TD']);
    // Notes follow the paragraph that calls them.
    const calling = documentElement.children.find((element) => element.children.some((child) => child.role === 'Note'));
    expect(calling?.role).toBe('P');
  });

  it('declares the language, shows the title, marks content and maps the Title role', () => {
    const root = objects[`obj:${(objects.trailer?.value as { '/Root': string })['/Root']}`]?.value as Record<string, string>;
    expect(root['/Lang']).toBe('u:en-GB');
    expect(objects[`obj:${root['/MarkInfo']}`]?.value).toEqual({ '/Marked': true });
    expect(objects[`obj:${root['/ViewerPreferences']}`]?.value).toEqual({ '/DisplayDocTitle': true });
    const treeRoot = objects[`obj:${root['/StructTreeRoot']}`]?.value as Record<string, unknown>;
    expect(treeRoot['/RoleMap']).toEqual({ '/Title': '/H1' });
  });

  it('keeps running heads, page numbers, rules and leaders out of the text: they are artifacts', () => {
    for (const page of pdf.pages) {
      expect(page.artifacts).toContain(page.footer);
      if (page.header) expect(page.artifacts).toContain(page.header);
    }
  });
});

describe('the seed press release in print', async () => {
  const document = fixtureDocument('press-release-fr');
  const bytes = await pdfOf(document);
  const pdf = await checkPrint(document, bytes);

  it('numbers pages in French and runs no head on the first page', () => {
    expect(pdf.pages.map((page) => page.footer)).toEqual(pdf.pages.map((_, i) => `Page ${i + 1} sur ${pdf.numPages}`));
    expect(pdf.pages[0]?.header).toBeUndefined();
  });

  it('hyphenates its justified text with the French patterns', async () => {
    expect(patternsFor('fr')).toBe('fr');
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const french = (require('hyphen/fr') as { hyphenateSync(text: string, options?: object): string }).hyphenateSync;
    const lines = pdf.pages.flatMap((page) => page.lines);
    const breaks: string[] = [];
    lines.forEach((line, i) => {
      const head = /(\p{L}+)-$/u.exec(line);
      const tail = /^(\p{L}+)/u.exec(lines[i + 1] ?? '');
      if (head && tail) breaks.push(`${head[1]}|${tail[1]}`);
    });
    const source = readFileSync(path.join(import.meta.dirname, '../../fixtures/press-release-fr/input.md'), 'utf8');
    const hyphenated = breaks.filter((mark) => !source.includes(mark.replace('|', '-')));
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const mark of hyphenated) {
      const word = mark.replace('|', '');
      // A word of the source (not a compound with its own hyphen), cut where the French patterns allow.
      expect(source, word).toContain(word);
      expect(french(word, { hyphenChar: '|' }).split('|').map((_, k, parts) => parts.slice(0, k + 1).join('')), word).toContain(mark.split('|')[0]);
    }
  });
});

describe('the 1 MB corpus document in print', () => {
  let corpus: string;
  let document: Document;
  let pdf: ReadPdf;
  beforeAll(async () => {
    corpus = makeCorpus('galley-corpus-pdf-');
    const input = path.join(corpus, 'gen-1mb.md');
    document = parse({ path: input, value: readFileSync(input) }, { root: corpus });
    const bytes = await pdfOf(document);
    pdf = await checkPrint(document, bytes);
  }, 240_000);
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  it('has the outline of its headings, page numbers, links to the right pages and notes on the pages of their calls', () => {
    // checkPrint has run every check; this document has hundreds of pages, notes and headings.
    expect(pdf.numPages).toBeGreaterThan(300);
    expect((document.file.data.footnotes ?? []).length).toBeGreaterThan(100);
  });

  it('ends no page with a heading', () => {
    const headings = new Set((document.file.data.outline ?? []).map((entry) => squash(entry.text)));
    pdf.pages.slice(0, -1).forEach((page, i) => expect(headings.has(squash(page.lines.at(-1) ?? '')), `page ${i + 1}: ${page.lines.at(-1)}`).toBe(false));
  });
});

describe('PDF/A', () => {
  it('embeds every font, declares the part and conformance in XMP, and has the sRGB output intent', async () => {
    const document = documentOf('---\ntitle: "Tom & Jerry <3"\nauthor: Ada\n---\n\n# A heading\n\nSome text, → an arrow, and $x^2$ maths.\n');
    const bytes = await pdfOf(document, { pdfa: 'PDF/A-2b' });
    for (const font of pdfFonts(bytes)) expect(font.embedded, font.name).toBe(true);
    const { objects } = qpdf(bytes);
    const root = objects[`obj:${(objects.trailer?.value as { '/Root': string })['/Root']}`]?.value as Record<string, unknown>;
    const [intentRef] = root['/OutputIntents'] as string[];
    const intent = objects[`obj:${intentRef}`]?.value as Record<string, string>;
    expect(intent['/S']).toBe('/GTS_PDFA1');
    expect(objects[`obj:${intent['/DestOutputProfile']}`]?.stream?.dict['/N']).toBe(3);
    // The XMP packet: well-formed (escaped), the same title and dates as the information dictionary, PDF/A 2B.
    const xmp = Buffer.from(bytes).toString('latin1').match(/<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/)?.[0] ?? '';
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('Tom &amp; Jerry &lt;3');
    expect(xmp).toContain('<xmp:CreateDate>2026-11-29T12:00:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<xmp:ModifyDate>2026-11-29T12:00:00Z</xmp:ModifyDate>');
    const info = (await readPdf(bytes)).info;
    expect(info.Title).toBe('Tom & Jerry <3');
    // Without the option: no output intent, no PDF/A claim.
    const plain = await pdfOf(documentOf('Text.'));
    expect(Buffer.from(plain).toString('latin1')).not.toContain('pdfaid');
  });
});
