// The DOCX emitter as its users meet it: the two sample documents read back
// by an independent reader (pandoc's DOCX reader), the package checked the
// way Word checks it (well-formed parts, every relationship resolved, no
// external part but hyperlinks, no macros), and byte-identical output for
// the same date.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../../../src/convert.js';
import type { Document } from '../../../src/document.js';
import { defaultEmitters } from '../../../src/emit/registry.js';
import { parse } from '../../../src/parse/index.js';
import {
  attributeValues,
  decode,
  emitDocument,
  open,
  pandocAst,
  pandocNodes,
  pandocText,
  paragraphs,
  runText,
  testDate,
  xmlProblems,
  type Opened,
  type PandocNode,
} from './helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}/`, import.meta.url));
const load = (name: string): Document => {
  const folder = fixture(name);
  return parse({ path: `${folder}input.md`, value: readFileSync(`${folder}input.md`) }, { root: folder });
};

const nodesOf = (value: unknown, type: string): PandocNode[] => pandocNodes(value).filter((node) => node.t === type);

/** Structural checks every DOCX must pass. */
function checkPackage(docx: Opened): void {
  const names = Object.keys(docx.entries);
  expect(names[0]).toBe('[Content_Types].xml');
  // No macros, no embedded binaries other than pictures.
  expect(names.filter((name) => /vba|\.bin$|activeX|embeddings/i.test(name))).toEqual([]);
  expect(docx.part('[Content_Types].xml')).not.toMatch(/macroEnabled|vbaProject/i);
  for (const name of names) {
    if (/\.(?:xml|rels)$/.test(name)) expect(xmlProblems(docx.part(name)), name).toEqual([]);
  }
  // Every XML part has a content type; every picture's extension has one.
  const types = docx.part('[Content_Types].xml');
  for (const name of names.filter((n) => n.endsWith('.xml') && n !== '[Content_Types].xml')) {
    expect(types, name).toContain(`PartName="/${name}"`);
  }
  for (const name of names.filter((n) => n.startsWith('word/media/'))) {
    expect(types).toContain(`Extension="${name.slice(name.lastIndexOf('.') + 1)}"`);
  }
  // Relationships: ids unique, internal targets present, external ones only hyperlinks to allowed URLs.
  const rels = docx.part('word/_rels/document.xml.rels');
  const relationships = [...rels.matchAll(/<Relationship Id="([^"]+)" Type="([^"]+)" Target="([^"]*)"( TargetMode="External")?\/>/g)];
  const ids = relationships.map((r) => r[1]);
  expect(new Set(ids).size).toBe(ids.length);
  for (const [, , type, target, external] of relationships) {
    if (external) {
      expect(type).toMatch(/\/hyperlink$/);
      expect(decode(target as string)).toMatch(/^(?:https?:|mailto:|tel:|[^:]*$)/);
    } else {
      expect(names, target).toContain(`word/${target}`);
    }
  }
  // Every relationship id used by the document and its notes exists.
  for (const part of ['word/document.xml', 'word/footnotes.xml']) {
    for (const id of docx.part(part).matchAll(/r:(?:id|embed)="([^"]+)"/g)) expect(ids, `${part} ${id[1]}`).toContain(id[1]);
  }
  // Footnote references match the notes; bookmarks and drawings have unique ids; anchors resolve.
  const document = docx.part('word/document.xml');
  const notes = attributeValues(docx.part('word/footnotes.xml'), 'w:footnote', 'w:id').filter((id) => Number(id) > 0);
  expect(attributeValues(document, 'w:footnoteReference', 'w:id')).toEqual(notes);
  const bookmarkIds = attributeValues(document, 'w:bookmarkStart', 'w:id');
  expect(new Set(bookmarkIds).size).toBe(bookmarkIds.length);
  expect(attributeValues(document, 'w:bookmarkEnd', 'w:id').sort()).toEqual([...bookmarkIds].sort());
  const bookmarks = new Set(attributeValues(document, 'w:bookmarkStart', 'w:name'));
  for (const anchor of attributeValues(document, 'w:hyperlink', 'w:anchor')) {
    expect(anchor === '_top' || bookmarks.has(anchor), anchor).toBe(true);
  }
  const drawings = attributeValues(document, 'wp:docPr', 'id');
  expect(new Set(drawings).size).toBe(drawings.length);
}

describe('the seed press release', () => {
  let docx: Opened;
  let text: string;
  beforeAll(async () => {
    docx = await emitDocument(load('press-release-fr'));
    text = runText(docx.body);
  });

  it('is a valid package', () => checkPackage(docx));

  it('keeps French accents, œ and guillemets with no-break spaces', () => {
    expect(text).toContain('SECRÉTAIRE D’ÉTAT AU NUMÉRIQUE');
    expect(text).toContain('mise en œuvre');
    expect(text).toMatch(/«[\u00A0\u202F]Gouvernance des politiques numériques sur les territoires[\u00A0\u202F]»/);
    // No line may start with a closing guillemet: the space before it does not break.
    expect(text).not.toMatch(/ »/);
    const ast = pandocAst(docx.bytes);
    expect(pandocText(ast.blocks)).toMatch(/«[\u00A0\u202F]Gouvernance/);
    expect(pandocText(ast.blocks)).toContain('œuvre');
  });

  it('keeps the address block’s line breaks', () => {
    const first = paragraphs(docx.body)[0];
    expect(first?.text).toBe('AXELLE LEMAIRE\nSECRÉTAIRE D’ÉTAT AU NUMÉRIQUE,\nAUPRES DU MINISTRE DE L’ÉCONOMIE, DE L’INDUSTRIE ET DU NUMÉRIQUE');
    const para = pandocAst(docx.bytes).blocks[0] as PandocNode;
    expect(para.t).toBe('Para');
    expect(nodesOf(para, 'LineBreak')).toHaveLength(2);
  });

  it('puts the bold level-2 heading in the Heading 2 style', () => {
    const heading = paragraphs(docx.body).find((p) => p.text.startsWith('Remise à Axelle'));
    expect(heading?.style).toBe('Heading2');
    expect(heading?.xml).toContain('<w:b/>');
    expect(docx.part('word/styles.xml')).toMatch(/w:styleId="Heading2"><w:name w:val="heading 2"\/>.*?<w:outlineLvl w:val="1"\/>/);
    const header = pandocAst(docx.bytes).blocks.find((block) => block.t === 'Header');
    expect((header?.c as [number])[0]).toBe(2);
    expect(nodesOf(header, 'Strong')).toHaveLength(1);
  });

  it('makes both links clickable', () => {
    const links = nodesOf(pandocAst(docx.bytes).blocks, 'Link').map((link) => (link.c as [unknown, unknown, [string]])[2][0]);
    expect(links).toContain('http://www.economie.gouv.fr');
    expect(links).toContain('mailto:sec.senum-presse@cabinets.finances.gouv.fr');
    const rels = docx.part('word/_rels/document.xml.rels');
    expect(rels).toContain('Target="http://www.economie.gouv.fr" TargetMode="External"');
    expect(rels).toContain('Target="mailto:sec.senum-presse@cabinets.finances.gouv.fr" TargetMode="External"');
  });

  it('says the language is fr-FR', () => {
    expect(docx.part('word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="fr-FR"\/>/);
    expect(docx.part('docProps/core.xml')).toContain('<dc:language>fr-FR</dc:language>');
    expect(docx.part('word/settings.xml')).toContain('<w:themeFontLang w:val="fr-FR"/>');
  });
});

describe('the showcase, read back by pandoc', () => {
  let document: Document;
  let docx: Opened;
  let blocks: PandocNode[];
  beforeAll(async () => {
    document = load('showcase');
    docx = await emitDocument(document);
    blocks = pandocAst(docx.bytes).blocks;
  });

  it('is a valid package', () => checkPackage(docx));

  it('has the title block and core properties from front matter', () => {
    const styles = paragraphs(docx.body).slice(0, 5).map((p) => `${p.style}: ${p.text}`);
    expect(styles).toEqual([
      'Title: galley showcase',
      'Subtitle: Every syntax galley supports, in one document',
      'Author: Ada Lovelace, Analytical Engines Ltd',
      'Author: Charles Babbage',
      'Date: 29 November 2026',
    ]);
    const core = docx.part('docProps/core.xml');
    expect(core).toContain('<dc:title>galley showcase</dc:title>');
    expect(core).toContain('<dc:creator>Ada Lovelace; Charles Babbage</dc:creator>');
    expect(core).toContain('<cp:keywords>markdown, pdf, docx, html</cp:keywords>');
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-29T12:00:00Z</dcterms:created>');
  });

  it('has every heading at its level, in the Heading styles, with a bookmark', () => {
    const { outline } = document.file.data;
    const headers = blocks
      .filter((block) => block.t === 'Header')
      .map((block) => `${(block.c as [number])[0]} ${pandocText((block.c as [number, unknown, unknown])[2])}`);
    // pandoc also reads the table of contents' own heading.
    expect(headers).toEqual(['1 Contents', ...outline!.map((entry) => `${entry.depth} ${entry.text}`)]);
    const styled = paragraphs(docx.body).filter((p) => p.style?.startsWith('Heading'));
    expect(styled.map((p) => `${p.style!.slice(7)} ${p.text}`)).toEqual(outline!.map((entry) => `${entry.depth} ${entry.text}`));
    for (const entry of outline!) expect(docx.body).toContain(`w:name="${entry.id}"`);
  });

  it('fills in the table of contents as a TOC field linked to the headings', () => {
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(docx.body)?.[0] ?? '';
    expect(toc).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(toc).toContain('TOC \\o &quot;1-3&quot; \\h \\z \\u'.replace(/&quot;/g, '"'));
    const entries = paragraphs(toc).filter((p) => p.style?.startsWith('TOC') && p.style !== 'TOCHeading' && p.text);
    const expected = document.file.data.outline!.filter((entry) => entry.depth <= 3);
    expect(entries.map((p) => p.text)).toEqual(expected.map((entry) => entry.text));
    expect(attributeValues(toc, 'w:hyperlink', 'w:anchor')).toEqual(expected.map((entry) => entry.id));
  });

  it('nests lists with real numbering, restarting at the start number', () => {
    const bullets = blocks.filter((block) => block.t === 'BulletList');
    const nested = nodesOf(bullets[0], 'BulletList');
    expect(nested.length).toBeGreaterThanOrEqual(2);
    const deep = nodesOf(bullets[0], 'OrderedList')[0];
    expect(pandocText(deep)).toContain('deeper, ordered');
    const ordered = blocks.find((block) => block.t === 'OrderedList');
    expect((ordered?.c as [[number]])[0][0]).toBe(3);
    expect(pandocText(ordered)).toMatch(/starts at three.*goes on to four/);
    expect(docx.part('word/numbering.xml')).toMatch(/<w:startOverride w:val="3"\/>/);
    // Task items keep their boxes.
    const tasks = bullets.find((list) => pandocText(list).includes('finished task'));
    expect(pandocText(tasks)).toMatch(/☒.*a finished task.*☐.*an open task/);
  });

  it('keeps nested block quotes', () => {
    const quote = blocks.find((block) => block.t === 'BlockQuote');
    expect(nodesOf(quote, 'BlockQuote')).toHaveLength(2);
    expect(pandocText(quote)).toContain('A nested quote inside it.');
  });

  it('writes code in the Source Code style, coloured by the shared tokenizer', () => {
    const code = nodesOf(blocks, 'CodeBlock').map((block) => (block.c as [unknown, string])[1]).join('\n');
    expect(code).toContain('export function greet(name: string): string {');
    expect(code).toContain('    """Return the n-th Fibonacci number."""');
    expect(code).toContain('An indented code block\nkeeps its spacing.');
    const source = paragraphs(docx.body).filter((p) => p.style === 'SourceCode');
    expect(source).toHaveLength(4);
    // `export` is a keyword: the theme's keyword colour.
    expect(source[0]?.xml).toMatch(/<w:color w:val="CF222E"\/><\/w:rPr><w:t xml:space="preserve">export<\/w:t>/);
  });

  it('keeps table cells, with the header row repeated and an explicit grid', () => {
    const table = blocks.find((block) => block.t === 'Table');
    expect(pandocText(table)).toMatch(/Format.*Extension.*Binary.*Size.*HTML.*\.html.*no.*12 KB.*JSON.*\.json.*no.*30 KB/);
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(docx.body)?.[0] ?? '';
    expect(tbl).toContain('<w:tblStyle w:val="Table"/>');
    expect(tbl.match(/<w:gridCol w:w="\d+"\/>/g)).toHaveLength(4);
    expect(tbl.match(/<w:tr>/g)).toHaveLength(5);
    expect(tbl.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(attributeValues(tbl, 'w:jc', 'w:val').slice(0, 4)).toEqual(['left', 'center', 'center', 'right']);
  });

  it('makes real footnotes, and a second call shows the same number', () => {
    const notes = nodesOf(blocks, 'Note');
    expect(notes.map((note) => pandocText(note.c))).toEqual(['The first footnote.', 'A longer footnote, with emphasis and a link.']);
    expect(docx.body).toMatch(/NOTEREF _RefNote1 \\f \\h[\s\S]*?<w:t>1<\/w:t>/);
  });

  it('keeps link targets, inside and outside the document', () => {
    const targets = nodesOf(blocks, 'Link').map((link) => (link.c as [unknown, unknown, [string]])[2][0]);
    for (const url of ['https://spec.commonmark.org/', 'https://example.org', 'mailto:hello@example.org', 'https://commonmark.org']) {
      expect(targets).toContain(url);
    }
    const anchors = attributeValues(docx.body.slice(docx.body.indexOf('</w:sdt>')), 'w:hyperlink', 'w:anchor');
    expect(anchors).toEqual(['intro', 'tables']);
  });

  it('embeds both images, with their alt text, the SVG with a PNG fallback', () => {
    const images = nodesOf(blocks, 'Image');
    expect(images.map((image) => pandocText((image.c as [unknown, unknown])[1]))).toEqual([
      'The architecture diagram, a PNG in a subfolder',
      'The pipeline, as an SVG',
    ]);
    expect(attributeValues(docx.body, 'wp:docPr', 'descr')).toEqual([
      'The architecture diagram, a PNG in a subfolder',
      'The pipeline, as an SVG',
    ]);
    expect(docx.body).toContain('<asvg:svgBlip');
    const media = Object.keys(docx.entries).filter((name) => name.startsWith('word/media/'));
    expect(media.map((name) => name.slice(name.lastIndexOf('.')))).toEqual(['.png', '.png', '.svg']);
    const fallback = docx.entries[media[1] as string] as Uint8Array;
    expect(fallback.byteLength).toBeGreaterThan(1000);
    expect(document.file.messages.filter((m) => m.source === 'galley:docx')).toEqual([]);
  });

  it('writes math as Word equations that read back as TeX', () => {
    const math = nodesOf(blocks, 'Math').map((node) => (node.c as [{ t: string }, string]));
    expect(math.map(([kind]) => kind.t)).toEqual(['InlineMath', 'DisplayMath']);
    expect(math[0]?.[1]).toMatch(/e\^\{i\\pi\}/);
    expect(math[1]?.[1]).toMatch(/\\int_\{0\}\^\{\\infty\}e/);
    expect(docx.body).toContain('<m:oMathPara><m:oMath>');
  });

  it('has a page break, a rule and the running header and footer', () => {
    expect(docx.body).toContain('<w:br w:type="page"/>');
    expect(docx.body).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(docx.part('word/header1.xml')).toContain('galley showcase');
    expect(docx.part('word/footer1.xml')).toContain('w:instr=" PAGE "');
    expect(docx.part('word/document.xml')).toMatch(/<w:pgSz w:w="11906" w:h="16838"\/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/);
  });
});

describe('determinism', () => {
  it('gives byte-identical files for the same date, in any time zone', async () => {
    const first = await emitDocument(load('showcase'));
    const second = await emitDocument(load('showcase'));
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const elsewhere = await emitDocument(load('showcase'));
      expect(Buffer.compare(first.bytes, elsewhere.bytes)).toBe(0);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('takes every date from the output date, down to the zip entries', async () => {
    const date = new Date(Date.UTC(2031, 4, 6, 7, 8, 10));
    const docx = await emitDocument(load('showcase'), {}, date);
    expect(docx.part('docProps/core.xml')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2031-05-06T07:08:10Z</dcterms:modified>');
    const view = new DataView(docx.bytes.buffer, docx.bytes.byteOffset);
    // Walk the local file headers: every entry has the date's fields.
    let offset = 0;
    let count = 0;
    while (view.getUint32(offset, true) === 0x04034b50) {
      expect(view.getUint16(offset + 10, true)).toBe((7 << 11) | (8 << 5) | 5);
      expect(view.getUint16(offset + 12, true)).toBe(((2031 - 1980) << 9) | (5 << 5) | 6);
      offset += 30 + view.getUint16(offset + 26, true) + view.getUint32(offset + 18, true);
      count++;
    }
    expect(count).toBe(Object.keys(docx.entries).length);
    // Only the dates differ from another date's file.
    const other = await emitDocument(load('showcase'));
    for (const name of Object.keys(docx.entries).filter((n) => n !== 'docProps/core.xml' && !n.startsWith('word/media/'))) {
      expect(docx.part(name), name).toBe(other.part(name));
    }
  });
});

describe('the registry and convert()', () => {
  it('registers docx as a binary format', async () => {
    expect(defaultEmitters.docx?.kind).toBe('binary');
    expect(defaultEmitters.docx?.extension).toBe('docx');
    const { results } = await convert({ path: 'a.md', value: '# Hi\n\nThere.' }, { to: ['docx'], assets: false, emit: { date: testDate } });
    const emitted = results[0]?.emitted;
    expect(emitted?.kind).toBe('binary');
    const docx = open(emitted!.value as Uint8Array);
    expect(paragraphs(docx.body).map((p) => `${p.style} ${p.text}`)).toEqual(['Heading1 Hi', 'BodyText There.']);
  });

  it('passes options.docx to the emitter', async () => {
    const { results } = await convert(
      { path: 'a.md', value: '# Hi' },
      { to: ['docx'], assets: false, emit: { date: testDate, docx: { header: false, footer: false } } },
    );
    const docx = open(results[0]!.emitted!.value as Uint8Array);
    expect(Object.keys(docx.entries).filter((name) => /header|footer/.test(name))).toEqual([]);
  });
});
