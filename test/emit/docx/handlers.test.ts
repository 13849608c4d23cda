// The DOCX handlers, one node type at a time: what each writes, where the
// context puts it, and what it reports.
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { Asset, Document, GalleyData } from '../../../src/document.js';
import type { Handler } from '../../../src/emit/docx/index.js';
import { textRun } from '../../../src/emit/docx/properties.js';
import { bookmarkName } from '../../../src/emit/docx/bookmarks.js';
import {
  attributeValues,
  docxMessages,
  docxOf,
  emitDocument,
  paragraphs,
  pandocAst,
  pandocNodes,
  runText,
  xmlProblems,
} from './helpers.js';

const textWidthA4 = 9026; // 210 mm − 2 × 72 pt, in twips

describe('paragraphs and inline marks', () => {
  it('writes body paragraphs in Body Text, soft line breaks as spaces, tabs as tabs', async () => {
    const { body } = await docxOf('one\ntwo\tthree');
    const [p] = paragraphs(body);
    expect(p?.style).toBe('BodyText');
    expect(p?.text).toBe('one two\tthree');
    expect(p?.xml).toContain('<w:tab/>');
  });

  it('marks runs: bold, italic, strike, code, and code inside a link', async () => {
    const { body } = await docxOf('**b** *i* ~~s~~ `c` [`lc`](https://example.org)');
    expect(body).toMatch(/<w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">b<\/w:t>/);
    expect(body).toMatch(/<w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">i<\/w:t>/);
    expect(body).toMatch(/<w:rPr><w:strike\/><\/w:rPr><w:t xml:space="preserve">s<\/w:t>/);
    expect(body).toMatch(/<w:rStyle w:val="VerbatimChar"\/><\/w:rPr><w:t xml:space="preserve">c<\/w:t>/);
    expect(body).toMatch(/<w:hyperlink r:id="rId\d+" w:history="1"><w:r><w:rPr><w:rStyle w:val="VerbatimChar"\/><w:color w:val="0B5CAD"\/><w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">lc</);
  });

  it('writes a hard break as a line break in the same paragraph', async () => {
    const { body } = await docxOf('a\\\nb  \nc');
    expect(paragraphs(body)).toHaveLength(1);
    expect(paragraphs(body)[0]?.text).toBe('a\nb\nc');
  });

  it('writes a thematic break as a bottom border, and \\newpage as a page break', async () => {
    const { body } = await docxOf('a\n\n***\n\nb\n\n\\newpage\n\nc');
    const [, rule, , pageBreak] = paragraphs(body);
    expect(rule?.xml).toContain('<w:pBdr><w:bottom w:val="single" w:sz="6"');
    expect(rule?.xml).not.toContain('w:type="page"');
    expect(pageBreak?.xml).toContain('<w:br w:type="page"/>');
  });

  it('drops characters XML forbids, even from a tree built by hand', async () => {
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a\u0001b\uFFFEc\uD800d <&> "e"' }] }] };
    const docx = await emitDocument(documentOf(tree));
    expect(xmlProblems(docx.part('word/document.xml'))).toEqual([]);
    expect(paragraphs(docx.body)[0]?.text).toBe('abcd <&> "e"');
  });
});

describe('headings', () => {
  it('uses Heading 1–6 and a bookmark named after the heading id', async () => {
    const { body } = await docxOf('# One {#first}\n\n###### Six');
    const [one, six] = paragraphs(body);
    expect(one?.style).toBe('Heading1');
    expect(one?.xml).toMatch(/<w:bookmarkStart w:id="0" w:name="first"\/>.*One.*<w:bookmarkEnd w:id="0"\/>/);
    expect(six?.style).toBe('Heading6');
  });

  it('keeps bookmark names within Word’s rules, stable from run to run', () => {
    expect(bookmarkName('intro')).toBe('intro');
    const long = bookmarkName('remise-à-axelle-lemaire-du-rapport-dakim-oural-sur-la-gouvernance');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    expect(bookmarkName('remise-à-axelle-lemaire-du-rapport-dakim-oural-sur-la-gouvernance')).toBe(long);
    expect(bookmarkName('1-numbered')).toMatch(/^h_1_numbered_[0-9a-f]{8}$/);
  });
});

describe('block quotes', () => {
  it('uses the Quote style, one indent step deeper per level', async () => {
    const { body } = await docxOf('> a\n>\n> > b\n>\n> c');
    const [a, b, c] = paragraphs(body);
    expect([a?.style, b?.style, c?.style]).toEqual(['Quote', 'Quote', 'Quote']);
    expect(a?.xml).not.toContain('<w:ind');
    expect(b?.xml).toContain('<w:ind w:left="720"/>');
    expect(c?.xml).not.toContain('<w:ind');
  });
});

describe('lists', () => {
  it('gives each ordered list its own numbering, restarting at its start number', async () => {
    const docx = await docxOf('3. a\n4. b\n\ntext\n\n1. c\n\ntext\n\n1. d\n   1. e');
    const numbered = paragraphs(docx.body).filter((p) => p.xml.includes('<w:numPr>'));
    const numIds = numbered.map((p) => /<w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>/.exec(p.xml)!.slice(1).join(':'));
    expect(numIds).toEqual(['0:3', '0:3', '0:4', '0:5', '1:6']);
    const numbering = docx.part('word/numbering.xml');
    expect(numbering).toContain('<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>');
    expect(numbering).toContain('<w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/>');
    const lists = pandocAst(docx.bytes).blocks.filter((block) => block.t === 'OrderedList');
    expect(lists.map((list) => (list.c as [[number]])[0][0])).toEqual([3, 1, 1]);
  });

  it('nests bullets a level deeper, in List Paragraph; loose lists keep their spacing', async () => {
    const { body } = await docxOf('- a\n  - b\n\n    more\n- c');
    const items = paragraphs(body);
    expect(items.map((p) => p.style)).toEqual(['ListParagraph', 'ListParagraph', 'ListParagraph', 'ListParagraph']);
    expect(items[1]?.xml).toContain('<w:ilvl w:val="1"/><w:numId w:val="1"/>');
    // The item's second paragraph is indented under its text, without a number.
    expect(items[2]?.xml).not.toContain('<w:numPr>');
    expect(items[2]?.xml).toContain('<w:ind w:left="720"/>');
    expect(items[1]?.xml).toContain('<w:contextualSpacing w:val="0"/>');
  });

  it('shows task items with their box', async () => {
    const { body } = await docxOf('- [x] done\n- [ ] open');
    const [done, open] = paragraphs(body);
    expect(done?.text).toBe('☒\tdone');
    expect(open?.text).toBe('☐\topen');
    expect(done?.xml).toContain('<w:numId w:val="2"/>');
  });

  it('numbers an empty paragraph first when an item starts with something else', async () => {
    const { body } = await docxOf('- ```\n  code\n  ```');
    const [number, code] = paragraphs(body);
    expect(number?.xml).toContain('<w:numPr>');
    expect(number?.text).toBe('');
    expect(code?.style).toBe('SourceCode');
    expect(code?.xml).toContain('<w:ind w:left="460" w:right="100"/>');
  });
});

describe('code', () => {
  it('writes one Source Code paragraph, lines joined by breaks, spaces kept', async () => {
    const { body } = await docxOf('```\n  a\n\tb\n```');
    const [code] = paragraphs(body);
    expect(code?.style).toBe('SourceCode');
    expect(code?.text).toBe('  a\n\tb');
    expect(code?.xml).not.toContain('<w:color');
  });

  it('colours tokens from the theme, and leaves an unknown language plain without a message', async () => {
    const { body, document } = await docxOf('```js\nconst x = "s"; // c\n```\n\n```nosuchlanguage\nplain\n```');
    const [js, plain] = paragraphs(body);
    expect(js?.xml).toMatch(/<w:color w:val="CF222E"\/><\/w:rPr><w:t xml:space="preserve">const</);
    expect(js?.xml).toMatch(/<w:color w:val="0A3069"\/><\/w:rPr><w:t xml:space="preserve">"s"</);
    expect(js?.xml).toMatch(/<w:color w:val="6E7781"\/><w:i\/>|<w:i\/><w:iCs\/><w:color w:val="6E7781"\/>/);
    expect(plain?.xml).not.toContain('<w:color');
    expect(docxMessages(document)).toEqual([]);
  });

  it('keeps two code blocks in two boxes', async () => {
    const { body } = await docxOf('```\na\n```\n\n```\nb\n```');
    const styles = paragraphs(body).map((p) => p.style);
    expect(styles).toEqual(['SourceCode', undefined, 'SourceCode']);
  });
});

describe('tables', () => {
  it('pads short rows, drops extra cells, repeats the header and aligns columns', async () => {
    const { body } = await docxOf('| a | b | c |\n|:--|:-:|--:|\n| 1 |\n| 1 | 2 | 3 | 4 |');
    const rows = body.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.match(/<w:tc>/g)?.length)).toEqual([3, 3, 3]);
    expect(rows[0]).toContain('<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    expect(runText(rows[2] as string)).toBe('123');
    expect(paragraphs(rows[0] as string).map((p) => p.style)).toEqual(['TableHeading', 'TableHeading', 'TableHeading']);
    expect(attributeValues(rows[1] as string, 'w:jc', 'w:val')).toEqual(['left', 'center', 'right']);
  });

  it('fits wide content to the text width, with a fixed grid that the cells repeat', async () => {
    const long = 'word '.repeat(200).trim();
    const { body } = await docxOf(`| a | b |\n|---|---|\n| ${long} | x |`);
    const grid = attributeValues(body, 'w:gridCol', 'w:w').map(Number);
    const cells = attributeValues(body, 'w:tcW', 'w:w').map(Number);
    expect(grid.reduce((a, b) => a + b)).toBeLessThanOrEqual(textWidthA4);
    expect(grid.reduce((a, b) => a + b)).toBeGreaterThan(textWidthA4 * 0.95);
    expect(grid[0]).toBeGreaterThan(grid[1] as number);
    expect(cells).toEqual([...grid, ...grid]);
    expect(body).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('keeps a narrow table as wide as its content, indents it in a quote, and spaces it from what follows', async () => {
    const { body } = await docxOf('> | a | b |\n> |---|---|\n> | 1 | 2 |\n\nafter');
    const total = attributeValues(body, 'w:gridCol', 'w:w').map(Number).reduce((a, b) => a + b);
    expect(total).toBeLessThan(textWidthA4 / 3);
    expect(body).toContain('<w:tblInd w:w="360" w:type="dxa"/>');
    expect(body).toMatch(/<\/w:tbl><w:p><w:pPr><w:pStyle w:val="Normal"\/><w:spacing w:before="0" w:after="0" w:line="200" w:lineRule="exact"\/><\/w:pPr><\/w:p>/);
  });
});

describe('links', () => {
  it('links to headings by bookmark, to the top with #, and warns about unknown fragments', async () => {
    const { body, document } = await docxOf('# Target {#t}\n\n[to](#t) [top](#) [gone](#nowhere)');
    expect(attributeValues(body, 'w:hyperlink', 'w:anchor')).toEqual(['t', '_top']);
    expect(runText(body)).toContain('gone');
    expect(docxMessages(document)).toEqual(['3:19 link-target: link to "#nowhere" has no heading with that id in the document; its text is kept']);
  });

  it('makes one relationship per URL, with reference links and titles', async () => {
    const docx = await docxOf('[a](https://x.org "Title") [b][r] [c](https://x.org) [d][missing] [e](other.docx)\n\n[r]: https://y.org');
    const rels = docx.part('word/_rels/document.xml.rels');
    expect(rels.match(/Target="https:\/\/x\.org"/g)).toHaveLength(1);
    expect(rels).toContain('Target="https://y.org" TargetMode="External"');
    expect(rels).toContain('Target="other.docx" TargetMode="External"');
    expect(docx.body).toContain('w:tooltip="Title"');
    expect(runText(docx.body)).toContain('[d][missing]');
  });
});

describe('footnotes', () => {
  it('numbers notes by first call, renders them in Footnote Text, and refers back to a note called twice', async () => {
    const docx = await docxOf('a[^x] b[^y] c[^x]\n\n[^y]: Why.\n\n[^x]: Ex.');
    expect(attributeValues(docx.body, 'w:footnoteReference', 'w:id')).toEqual(['1', '2']);
    const notes = docx.part('word/footnotes.xml');
    const [ex, why] = paragraphs(notes).filter((p) => p.style === 'FootnoteText');
    expect(ex?.text).toBe(' Ex.');
    expect(ex?.xml).toContain('<w:footnoteRef/>');
    expect(why?.text).toBe(' Why.');
    expect(docx.body).toMatch(/<w:bookmarkStart w:id="\d+" w:name="_RefNote1"\/><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/>/);
    expect(docx.body).toContain('NOTEREF _RefNote1 \\f \\h');
    expect(docx.part('word/settings.xml')).toContain('<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>');
  });

  it('warns about a note called only from another note, and ends a note with a table by a paragraph', async () => {
    const docx = await docxOf('a[^a]\n\n[^a]: See[^b].\n\n    | x |\n    |---|\n    | 1 |\n\n[^b]: Inner.');
    expect(docxMessages(docx.document)).toEqual([
      '3:10 nested-footnote: footnote "b" is called only from inside another footnote; Word cannot nest notes, so its label is kept',
    ]);
    const note = /<w:footnote w:id="1">([\s\S]*?)<\/w:footnote>/.exec(docx.part('word/footnotes.xml'))?.[1] ?? '';
    expect(note.endsWith('</w:p>')).toBe(true);
    expect(note).toContain('<w:tbl>');
  });
});

describe('math', () => {
  it('writes OMML inline and in its own paragraph, escaping what mathml2omml leaves raw', async () => {
    const docx = await docxOf('$a < b \\& c$\n\n$$\n\\sum_{i=1}^n x_i\n$$');
    expect(xmlProblems(docx.part('word/document.xml'))).toEqual([]);
    expect(docx.body).toMatch(/<m:oMath><m:r><m:t xml:space="preserve">a&lt;b&amp;c<\/m:t>/);
    expect(docx.body).toContain('<m:oMathPara><m:oMath><m:nary>');
    // The operand is inside the operator, not an empty box after it.
    expect(docx.body).not.toContain('<m:e/>');
    const math = pandocNodes(pandocAst(docx.bytes).blocks).filter((node) => node.t === 'Math');
    expect(math).toHaveLength(2);
  });

  it('shows invalid TeX as code, with a positioned warning', async () => {
    const { body, document } = await docxOf('Bad $\\frac{1}{$ here.');
    expect(body).toMatch(/<w:rStyle w:val="VerbatimChar"\/><\/w:rPr><w:t xml:space="preserve">\\frac\{1\}\{<\/w:t>/);
    expect(docxMessages(document)).toEqual([expect.stringMatching(/^1:5 math: TeX error: .*; the TeX source is shown instead$/)]);
  });
});

describe('raw HTML', () => {
  it('keeps br, sub, sup, kbd and mark, drops the rest with one message per tag', async () => {
    const { body, document } = await docxOf('H<sub>2</sub>O x<sup>2</sup> <kbd>K</kbd> <mark>m</mark> a<br>b <span>s</span> <!-- c -->\n\n<div>block</div>');
    expect(body).toMatch(/<w:vertAlign w:val="subscript"\/><\/w:rPr><w:t xml:space="preserve">2<\/w:t>.*?<w:t xml:space="preserve">O /);
    expect(body).toMatch(/<w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">2</);
    expect(body).toMatch(/<w:rStyle w:val="VerbatimChar"\/><w:bdr [^>]*\/><\/w:rPr><w:t xml:space="preserve">K</);
    expect(body).toMatch(/<w:highlight w:val="yellow"\/><\/w:rPr><w:t xml:space="preserve">m</);
    expect(paragraphs(body)[0]?.text).toContain('a\nb s ');
    expect(runText(body)).not.toContain('block');
    expect(docxMessages(document)).toEqual([
      '1:65 raw-html: raw HTML is not rendered in DOCX: <span>',
      '3:1 raw-html: raw HTML is not rendered in DOCX: <div>block</div>',
    ]);
  });
});

describe('images', () => {
  const png = (width: number, height: number): Asset => ({
    path: 'a.png',
    type: 'png',
    mediaType: 'image/png',
    bytes: Uint8Array.of(0x89, 0x50, 0x4e, 0x47),
    width,
    height,
  });

  it('scales a wide picture to the text width, keeping its aspect ratio, with its alt text', async () => {
    const docx = await emitDocument(withImage(png(2000, 1000), 'A wide one'));
    const [cx, cy] = [attributeValues(docx.body, 'wp:extent', 'cx')[0], attributeValues(docx.body, 'wp:extent', 'cy')[0]].map(Number);
    expect(cx).toBe(Math.round(textWidthA4 * 635));
    expect(Math.abs((cx as number) / (cy as number) - 2)).toBeLessThan(0.001);
    expect(attributeValues(docx.body, 'wp:docPr', 'descr')).toEqual(['A wide one']);
    expect(Object.keys(docx.entries)).toContain('word/media/image1.png');
  });

  it('keeps a small picture at its size (96 dpi) and embeds a picture used twice once', async () => {
    const document = withImage(png(96, 48), 'small', 2);
    const docx = await emitDocument(document);
    expect(attributeValues(docx.body, 'wp:extent', 'cx')).toEqual(['914400', '914400']);
    expect(Object.keys(docx.entries).filter((name) => name.startsWith('word/media/'))).toEqual(['word/media/image1.png']);
    expect(attributeValues(docx.body, 'wp:docPr', 'id')).toEqual(['1', '2']);
  });

  it('shows WebP as alt text with a warning, and unresolved or remote images as alt text', async () => {
    const webp: Asset = { ...png(10, 10), path: 'a.webp', type: 'webp', mediaType: 'image/webp' };
    const document = withImage(webp, 'a webp');
    const docx = await emitDocument(document);
    expect(runText(docx.body)).toBe('a webp');
    expect(docxMessages(document)).toEqual(['1:1 image-format: WebP image "a.webp" cannot be shown by Word; its alt text is kept']);
    const remote = await docxOf('![far away](https://example.org/x.png) ![](missing.png)', {}, { assets: true });
    expect(runText(remote.body)).toBe('far away missing.png');
    expect(remote.part('word/_rels/document.xml.rels')).toContain('Target="https://example.org/x.png" TargetMode="External"/>');
  });

  it('embeds SVG sanitized, with a PNG fallback, or a warning without one', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20"><script>alert(1)</script><image href="/etc/passwd" xlink:href="file:///x.png" width="10" height="10"/><rect width="40" height="20" fill="red" onclick="x()"/></svg>';
    const asset: Asset = { path: 'a.svg', type: 'svg', mediaType: 'image/svg+xml', bytes: new TextEncoder().encode(svg), width: 40, height: 20 };
    const docx = await emitDocument(withImage(asset, 'vector'));
    const embedded = docx.part('word/media/image2.svg');
    expect(embedded).toContain('<rect width="40" height="20" fill="red"/>');
    expect(embedded).not.toMatch(/script|passwd|file:|onclick/);
    const fallback = docx.entries['word/media/image1.png'] as Uint8Array;
    expect([...fallback.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(fallback.byteLength).toBeGreaterThan(80);
    expect(docx.body).toMatch(/<a:blip r:embed="rId10"><a:extLst><a:ext uri="\{96DAC541-7B7A-43D3-8B79-37D633B846F1\}"><asvg:svgBlip xmlns:asvg="[^"]+" r:embed="rId11"\/>/);

    const document = withImage(asset, 'vector');
    const without = await emitDocument(document, { svgFallback: false });
    expect((without.entries['word/media/image1.png'] as Uint8Array).byteLength).toBeLessThan(100);
    expect(docxMessages(document)).toEqual([expect.stringMatching(/^1:1 svg-fallback: SVG image "a.svg" has no PNG fallback/)]);
  });

  it('captions a lone picture as a numbered figure with figures: true', async () => {
    const document = withImage(png(10, 10), 'The caption');
    document.file.data.meta!.layout.figures = true;
    const docx = await emitDocument(document);
    const [figure, caption] = paragraphs(docx.body);
    expect(figure?.style).toBe('Figure');
    expect(caption?.style).toBe('Caption');
    expect(caption?.text).toBe('Figure 1. The caption');
    expect(caption?.xml).toContain('<w:fldSimple w:instr=" SEQ Figure \\* ARABIC ">');
  });
});

describe('other node types', () => {
  it('warns about a node type no handler knows, and keeps its text, in a paragraph or a run', async () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'custom', children: [{ type: 'text', value: 'block words' }], position: at(1, 1) },
        { type: 'paragraph', children: [{ type: 'text', value: 'a ' }, { type: 'customInline', value: 'inline words', position: at(2, 3) }] },
      ],
    } as unknown as Root;
    const document = documentOf(tree);
    const docx = await emitDocument(document);
    expect(paragraphs(docx.body).map((p) => p.text)).toEqual(['block words', 'a inline words']);
    expect(docxMessages(document)).toEqual([
      '1:1 unknown-node: cannot render "custom" nodes in DOCX; their text is kept',
      '2:3 unknown-node: cannot render "customInline" nodes in DOCX; their text is kept',
    ]);
  });

  it('takes handlers and an unknown handler from the options, over galley’s', async () => {
    const heading: Handler = (state, node) => `<w:p>${textRun(`custom ${(node as { depth: number }).depth}`, '')}</w:p>`;
    const unknown: Handler = () => '';
    const tree = { type: 'root', children: [{ type: 'heading', depth: 2, children: [] }, { type: 'custom' }] } as unknown as Root;
    const document = documentOf(tree);
    const docx = await emitDocument(document, { handlers: { heading }, unknownHandler: unknown });
    expect(paragraphs(docx.body).map((p) => p.text)).toEqual(['custom 2']);
    expect(docxMessages(document)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------

function at(line: number, column: number) {
  return { start: { line, column, offset: 0 }, end: { line, column: column + 1, offset: 1 } };
}

function documentOf(tree: Root, data: Partial<GalleyData> = {}): Document {
  const file = new VFile({ path: 'test.md' });
  const resolved: GalleyData = {
    source: 'test.md',
    meta: { title: 'Test', titleSource: 'file-name', authors: [], lang: 'en', langSource: 'default', dir: 'ltr', keywords: [], toc: false, layout: {} },
    outline: [],
    footnotes: [],
    assets: {},
    frontMatter: {},
    ...data,
  };
  Object.assign(file.data, resolved);
  return { tree, file };
}

function withImage(asset: Asset, alt: string, times = 1): Document {
  const image = { type: 'image' as const, url: asset.path, alt, data: { asset: asset.path }, position: at(1, 1) };
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: Array.from({ length: times }, () => ({ ...image })) }] };
  return documentOf(tree, { assets: { [asset.path]: asset } });
}

describe('edge cases', () => {
  it('writes an empty document as one empty paragraph', async () => {
    const docx = await docxOf('');
    expect(docx.body).toBe('<w:p/>');
    expect(xmlProblems(docx.part('word/document.xml'))).toEqual([]);
  });

  it('percent-encodes link targets that are not valid URIs', async () => {
    const docx = await docxOf('[a](<https://example.org/a b/é?x=100%>)');
    expect(docx.part('word/_rels/document.xml.rels')).toContain('Target="https://example.org/a%20b/%C3%A9?x=100%25"');
  });

  it('does not spell-check code', async () => {
    const styles = (await docxOf('x')).part('word/styles.xml');
    expect(styles).toMatch(/w:styleId="SourceCode">[\s\S]*?<w:noProof\/>[\s\S]*?<\/w:style>/);
    expect(styles).toMatch(/w:styleId="VerbatimChar">[\s\S]*?<w:noProof\/>[\s\S]*?<\/w:style>/);
  });
});
