// Document-level parts of the DOCX: named styles from the theme, a user's
// reference styles, language and direction, page layout, header and footer,
// table of contents, options, and the helpers that repair mathml2omml's
// output and write the zip.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { resolveDocxOptions } from '../../../src/emit/docx/options.js';
import { fillOperands, prepareMathML, repairOmml } from '../../../src/emit/docx/omml.js';
import { wordLanguage, wordLanguageTag } from '../../../src/emit/docx/language.js';
import { dosDateTime } from '../../../src/emit/docx/package/zip.js';
import { defaultTheme, withBodySize } from '../../../src/theme/index.js';
import { docxMessages, docxOf, paragraphs, xmlProblems } from './helpers.js';

describe('styles', () => {
  it('defines every named style a Word user expects, from the theme', async () => {
    const styles = (await docxOf('x')).part('word/styles.xml');
    const names = [...styles.matchAll(/w:styleId="([^"]+)"><w:name w:val="([^"]+)"/g)].map((m) => `${m[1]}=${m[2]}`);
    for (const expected of [
      'Normal=Normal', 'BodyText=Body Text', 'Title=Title', 'Subtitle=Subtitle', 'Heading1=heading 1', 'Heading6=heading 6',
      'Quote=Quote', 'SourceCode=Source Code', 'VerbatimChar=Verbatim Char', 'Hyperlink=Hyperlink', 'Caption=caption',
      'FootnoteText=footnote text', 'FootnoteReference=footnote reference', 'ListParagraph=List Paragraph', 'Table=Table',
      'TOCHeading=TOC Heading', 'TOC1=toc 1', 'Header=header', 'Footer=footer',
    ]) {
      expect(names).toContain(expected);
    }
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
    for (let level = 1; level <= 6; level++) expect(style(`Heading${level}`)).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
    const { roles, fonts } = defaultTheme;
    expect(style('Heading1')).toContain(`<w:rFonts w:ascii="${fonts.sans.docx}"`);
    expect(style('Heading1')).toContain(`<w:sz w:val="${roles.h1.size * 2}"/>`);
    expect(style('SourceCode')).toContain(`<w:rFonts w:ascii="${fonts.mono.docx}"`);
    expect(style('SourceCode')).toContain(`w:fill="${roles.codeBlock.background!.slice(1).toUpperCase()}"`);
    expect(style('Hyperlink')).toContain(`<w:color w:val="${roles.link.color.slice(1).toUpperCase()}"/>`);
    expect(style('Table')).toContain('<w:tblStylePr w:type="firstRow">');
    expect(styles).toContain(`<w:rFonts w:ascii="${fonts.serif.docx}" w:hAnsi="${fonts.serif.docx}" w:cs="${fonts.serif.docx}"/><w:sz w:val="22"/>`);
    expect(xmlProblems(styles)).toEqual([]);
  });

  it('follows the theme (a front matter font size scales every style)', async () => {
    const docx = await docxOf('---\nfontsize: 22pt\n---\n\nx');
    expect(docx.part('word/styles.xml')).toContain(`<w:sz w:val="${withBodySize(defaultTheme, 22).roles.h1.size * 2}"/>`);
  });

  it('takes a user’s styles.xml: its styles win by id, the missing ones are added, the language is the document’s', async () => {
    const reference =
      '<?xml version="1.0" encoding="UTF-8"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Garamond"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault></w:docDefaults>' +
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:color w:val="FF0000"/></w:rPr></w:style></w:styles>';
    const docx = await docxOf('---\nlang: de\n---\n\n# Titel', { reference: new TextEncoder().encode(reference) });
    const styles = docx.part('word/styles.xml');
    expect(styles.match(/w:styleId="Heading1"/g)).toHaveLength(1);
    expect(styles).toContain('<w:color w:val="FF0000"/>');
    expect(styles).toContain('w:styleId="Heading2"');
    expect(styles).toContain('<w:rFonts w:ascii="Garamond"/><w:lang w:val="de-DE"/>');
    expect(styles).not.toContain('en-US');
    expect(xmlProblems(styles)).toEqual([]);
  });

  it('takes the styles of a reference.docx, and reports bytes it cannot use', async () => {
    const reference = zipSync({
      'word/styles.xml': new TextEncoder().encode(
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:rPr><w:i/></w:rPr></w:style></w:styles>',
      ),
    });
    const docx = await docxOf('> q', { reference });
    expect(docx.part('word/styles.xml')).toMatch(/w:styleId="Quote"><w:name w:val="Quote"\/><w:rPr><w:i\/><\/w:rPr><\/w:style>/);
    expect(docx.part('word/styles.xml')).toContain('<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US"/>');

    const broken = await docxOf('x', { reference: new TextEncoder().encode('not styles') });
    expect(docxMessages(broken.document)).toEqual([expect.stringMatching(/^-:- reference-doc: reference styles not used: /)]);
    expect(broken.part('word/styles.xml')).toContain('w:styleId="BodyText"');
  });
});

describe('language and direction', () => {
  it('gives a bare language its usual region', () => {
    expect(wordLanguageTag('fr')).toBe('fr-FR');
    expect(wordLanguageTag('en')).toBe('en-US');
    expect(wordLanguageTag('de')).toBe('de-DE');
    expect(wordLanguageTag('en-gb')).toBe('en-GB');
    expect(wordLanguageTag('zh-Hant')).toBe('zh-TW');
    expect(wordLanguageTag('eo')).toBe('eo');
    expect(wordLanguage('ar')).toEqual({ tag: 'ar-SA', bidi: 'ar-SA' });
    expect(wordLanguage('ja')).toEqual({ tag: 'ja-JP', eastAsia: 'ja-JP' });
  });

  it('writes a right-to-left document', async () => {
    const docx = await docxOf('---\nlang: he\ndir: rtl\n---\n\nשלום\n\n| a |\n|---|\n| b |');
    expect(docx.part('word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr>.*<w:rtl\/><w:lang w:val="he-IL" w:bidi="he-IL"\/>/);
    expect(docx.part('word/styles.xml')).toContain('<w:pPrDefault><w:pPr><w:widowControl/><w:bidi/>');
    expect(docx.part('word/document.xml')).toMatch(/<w:bidi\/><w:docGrid/);
    expect(docx.body).toContain('<w:bidiVisual/>');
  });
});

describe('page, header and footer', () => {
  it('takes the paper size and margins from front matter, and reports bad values', async () => {
    const letter = await docxOf('---\npapersize: letter\nmargin: 1in\n---\n\nx');
    expect(letter.part('word/document.xml')).toContain('<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>');
    const bad = await docxOf('---\npapersize: napkin\n---\n\nx');
    expect(bad.part('word/document.xml')).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(docxMessages(bad.document)).toEqual([expect.stringMatching(/^1:1 layout: "papersize": unknown paper size "napkin"/)]);
  });

  it('has a title header (not on the first page) and page numbers, each switchable, front matter first', async () => {
    const both = await docxOf('---\ntitle: T\n---\n\nx');
    expect(Object.keys(both.entries).filter((n) => /header|footer/.test(n))).toEqual([
      'word/header1.xml', 'word/header2.xml', 'word/footer1.xml', 'word/footer2.xml',
    ]);
    expect(both.part('word/document.xml')).toContain('<w:titlePg/>');
    const none = await docxOf('x', { header: false, footer: false });
    expect(Object.keys(none.entries).filter((n) => /header|footer/.test(n))).toEqual([]);
    expect(none.part('word/document.xml')).not.toContain('<w:titlePg/>');
    const frontMatter = await docxOf('---\nheader: true\nfooter: false\n---\n\nx', { header: false, footer: true });
    expect(Object.keys(frontMatter.entries).filter((n) => /header|footer/.test(n))).toEqual(['word/header1.xml', 'word/header2.xml']);
  });
});

describe('title block', () => {
  it('writes an ISO date in the document’s language, as the PDF does, and any other date as it is', async () => {
    const dateOf = async (yaml: string) => paragraphs((await docxOf(`---\ntitle: T\n${yaml}\n---\n\nBody.`)).body).find((p) => p.style === 'Date')?.text;
    expect(await dateOf('lang: de\ndate: 2026-11-29')).toBe('29. November 2026');
    expect(await dateOf('date: 2026-11')).toBe('November 2026');
    expect(await dateOf('date: around 2026')).toBe('around 2026');
  });
});

describe('table of contents', () => {
  it('lists headings down to toc-depth after the title heading, and is absent without toc', async () => {
    const markdown = '# Title\n\n## A\n\n### A.1\n\n## B';
    const docx = await docxOf(`---\ntoc: true\ntoc-depth: 2\n---\n\n${markdown}`);
    const list = paragraphs(docx.body).map((p) => `${p.style}:${p.text}`);
    expect(list.slice(0, 5)).toEqual(['Heading1:Title', 'TOCHeading:Contents', 'TOC1:A', 'TOC1:B', 'TOC1:']);
    expect(docx.body).toContain('TOC \\o "1-2" \\h \\z \\u');
    expect((await docxOf(markdown)).body).not.toContain('<w:sdt>');
  });

  it('is labelled in the document’s language', async () => {
    const docx = await docxOf('---\ntoc: true\nlang: fr\n---\n\n## Un\n\n## Deux');
    expect(paragraphs(docx.body).find((p) => p.style === 'TOCHeading')?.text).toBe('Table des matières');
  });

  it('asks Word to refresh fields only when told to', async () => {
    expect((await docxOf('x')).part('word/settings.xml')).not.toContain('updateFields');
    expect((await docxOf('x', { updateFields: true })).part('word/settings.xml')).toContain('<w:updateFields w:val="true"/>');
  });
});

describe('options', () => {
  it('has defaults, and refuses a compression level outside 0–9', () => {
    expect(resolveDocxOptions(undefined)).toMatchObject({ header: true, footer: true, updateFields: false, svgFallback: true, compression: 6 });
    expect(resolveDocxOptions({ header: undefined }).header).toBe(true);
    expect(() => resolveDocxOptions({ compression: 12 })).toThrow(RangeError);
  });

  it('stores entries uncompressed at level 0', async () => {
    const stored = await docxOf('x', { compression: 0 });
    const deflated = await docxOf('x');
    expect(stored.bytes.byteLength).toBeGreaterThan(deflated.bytes.byteLength * 2);
    expect(stored.part('word/document.xml')).toBe(deflated.part('word/document.xml'));
  });
});

describe('zip and equation helpers', () => {
  it('writes zip dates from UTC fields, clamped to the zip range', () => {
    expect(dosDateTime(new Date(Date.UTC(2026, 10, 29, 13, 45, 31)))).toEqual({
      date: ((2026 - 1980) << 9) | (11 << 5) | 29,
      time: (13 << 11) | (45 << 5) | 15,
    });
    expect(dosDateTime(new Date(0))).toEqual({ date: (1 << 5) | 1, time: 0 });
  });

  it('prepares MathML for mathml2omml and repairs what it writes', () => {
    expect(prepareMathML('<math><semantics><mpadded width="1em"><mi>x</mi></mpadded><mphantom><mi>y</mi></mphantom><annotation encoding="application/x-tex">x</annotation></semantics></math>')).toBe(
      '<math><semantics><mrow width="1em"><mi>x</mi></mrow></semantics></math>',
    );
    expect(repairOmml('<m:oMath><m:r><m:t xml:space="preserve">a<b&c</m:t></m:r></m:oMath>')).toBe(
      '<m:oMath><m:r><m:t xml:space="preserve">a&lt;b&amp;c</m:t></m:r></m:oMath>',
    );
    expect(fillOperands('<m:oMath><m:nary><m:naryPr/><m:sub/><m:sup/><m:e/></m:nary><m:r><m:t>x</m:t></m:r><m:r><m:t>=0</m:t></m:r></m:oMath>')).toBe(
      '<m:oMath><m:nary><m:naryPr/><m:sub/><m:sup/><m:e><m:r><m:t>x</m:t></m:r></m:e></m:nary><m:r><m:t>=0</m:t></m:r></m:oMath>',
    );
  });
});
