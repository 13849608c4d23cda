// The theme as named Word styles and numbering definitions. Handlers ask for
// styles by id (BodyText, Heading2, SourceCode, Hyperlink…); fonts, sizes,
// colours and spacing live here once, taken from the shared theme, so that a
// Word user restyles the whole document from the style gallery, the
// navigation pane and Word's own table of contents work, and a reference
// document can replace any of them by id.
//
// Built-in styles keep Word's own names ("heading 1", "footnote text"…):
// Word recognizes them by name and shows them translated; pandoc's and
// LibreOffice's names are used for the others (Source Code, Verbatim Char,
// Table Contents…), so that files move between the three tools.
import type { RoleName, RoleStyle, Theme } from '../../theme/index.js';
import { ptToTwip } from '../../theme/index.js';
import type { WordLanguage } from './language.js';
import { hex, paragraphProperties, runProperties, type ParagraphProperties, type RunProperties } from './properties.js';
import type { OrderedListInstance } from './state.js';
import { attr, declaration, namespaces } from './xml.js';

/** Indentation of one list level and of one block quote level, in twips (a quarter inch). */
export const listStep = 360;
export const quoteStep = 360;

/**
 * DOCX-specific constants the shared theme does not carry: how a CSS line
 * height becomes Word's "multiple" line spacing (Word's single line is about
 * 1.2 em for the theme's fonts), the table cell padding, and the glyphs that
 * stand for task boxes.
 */
export const wordSingleLine = 1.2;
export const tableCellPadding = { vertical: 40, horizontal: 100 } as const;
export const taskBox = { checked: '\u2612', unchecked: '\u2610', font: 'Segoe UI Symbol' } as const;
const bulletGlyphs = ['\u2022', '\u25E6', '\u25AA'];

interface StyleDefinition {
  type: 'paragraph' | 'character' | 'table' | 'numbering';
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  isDefault?: boolean;
  uiPriority?: number;
  semiHidden?: boolean;
  qFormat?: boolean;
  pPr?: ParagraphProperties;
  rPr?: RunProperties;
  /** Raw table style parts: `w:tblPr` content and `w:tblStylePr` elements. */
  tblPr?: string;
  tableConditions?: string;
}

/** Word's multiple-of-a-line spacing for a CSS line height. */
export function lineSpacing(lineHeight: number): number {
  return Math.round((240 * lineHeight) / wordSingleLine);
}

function roleRun(theme: Theme, role: RoleStyle, base?: RoleStyle): RunProperties {
  const run: RunProperties = {};
  if (!base || base.font !== role.font) run.font = theme.fonts[role.font].docx;
  if (!base || base.size !== role.size) run.size = role.size;
  if (!base || base.color !== role.color) run.color = role.color;
  if (role.bold) run.bold = true;
  if (role.italic) run.italic = true;
  return run;
}

function roleSpacing(role: RoleStyle): ParagraphProperties['spacing'] {
  return { before: ptToTwip(role.spaceBefore), after: ptToTwip(role.spaceAfter), line: lineSpacing(role.lineHeight) };
}

/** Every style galley's handlers use, made from `theme`. */
export function styleDefinitions(theme: Theme, textWidth: number): StyleDefinition[] {
  const roles = theme.roles;
  const body = roles.body;
  const role = (name: RoleName) => roles[name];
  const border = hex(theme.colors.border);
  const codeBackground = hex(role('codeBlock').background ?? '#f6f8fa');
  const padding = (space: number) =>
    ['top', 'left', 'bottom', 'right']
      .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="${space}" w:color="${codeBackground}"/>`)
      .join('');

  const headings: StyleDefinition[] = [1, 2, 3, 4, 5, 6].map((level) => {
    const style = role(`h${level}` as RoleName);
    return {
      type: 'paragraph',
      id: `Heading${level}`,
      name: `heading ${level}`,
      basedOn: 'Normal',
      next: 'BodyText',
      uiPriority: 9,
      qFormat: true,
      pPr: { keepNext: true, keepLines: true, spacing: roleSpacing(style), outlineLevel: level - 1 },
      rPr: roleRun(theme, style, body),
    };
  });

  const tocLevels: StyleDefinition[] = [1, 2, 3, 4, 5, 6].map((level) => ({
    type: 'paragraph',
    id: `TOC${level}`,
    name: `toc ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    uiPriority: 39,
    pPr: {
      tabs: `<w:tab w:val="right" w:leader="dot" w:pos="${textWidth}"/>`,
      spacing: { after: 60 },
      indent: { left: (level - 1) * 240 },
    },
  }));

  return [
    {
      type: 'paragraph',
      id: 'Normal',
      name: 'Normal',
      isDefault: true,
      qFormat: true,
      pPr: { spacing: { after: 0, line: lineSpacing(body.lineHeight) } },
      rPr: roleRun(theme, body),
    },
    {
      type: 'paragraph',
      id: 'BodyText',
      name: 'Body Text',
      basedOn: 'Normal',
      qFormat: true,
      pPr: { spacing: { before: ptToTwip(body.spaceBefore), after: ptToTwip(body.spaceAfter) } },
    },
    {
      type: 'paragraph',
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      next: 'Subtitle',
      uiPriority: 10,
      qFormat: true,
      pPr: { keepNext: true, keepLines: true, spacing: roleSpacing(role('title')) },
      rPr: roleRun(theme, role('title'), body),
    },
    {
      type: 'paragraph',
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Author',
      uiPriority: 11,
      qFormat: true,
      pPr: { keepNext: true, keepLines: true, spacing: roleSpacing(role('subtitle')) },
      rPr: roleRun(theme, role('subtitle'), body),
    },
    {
      type: 'paragraph',
      id: 'Author',
      name: 'Author',
      basedOn: 'Normal',
      next: 'Date',
      qFormat: true,
      pPr: { keepNext: true, spacing: { after: 40 } },
      rPr: roleRun(theme, { ...role('subtitle'), size: body.size, color: body.color }, body),
    },
    {
      type: 'paragraph',
      id: 'Date',
      name: 'Date',
      basedOn: 'Normal',
      next: 'BodyText',
      qFormat: true,
      pPr: { keepNext: true, spacing: { after: ptToTwip(body.spaceAfter * 2) } },
      rPr: roleRun(theme, { ...role('subtitle'), size: body.size }, body),
    },
    ...headings,
    {
      type: 'paragraph',
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'BodyText',
      uiPriority: 29,
      qFormat: true,
      pPr: {
        borders: `<w:left w:val="single" w:sz="18" w:space="8" w:color="${hex(theme.colors.quoteBar)}"/>`,
        spacing: roleSpacing(role('quote')),
        indent: { left: quoteStep, right: 0 },
      },
      rPr: roleRun(theme, role('quote'), body),
    },
    {
      type: 'paragraph',
      id: 'SourceCode',
      name: 'Source Code',
      basedOn: 'Normal',
      next: 'BodyText',
      qFormat: true,
      pPr: {
        borders: padding(4),
        shading: codeBackground,
        spacing: { ...roleSpacing(role('codeBlock')), before: ptToTwip(role('codeBlock').spaceBefore + 4), after: ptToTwip(role('codeBlock').spaceAfter + 4) },
        indent: { left: 100, right: 100 },
      },
      rPr: { ...roleRun(theme, role('codeBlock'), body), bold: false, noProof: true },
    },
    {
      type: 'paragraph',
      id: 'Caption',
      name: 'caption',
      basedOn: 'Normal',
      next: 'BodyText',
      uiPriority: 35,
      qFormat: true,
      pPr: { spacing: roleSpacing(role('caption')) },
      rPr: roleRun(theme, role('caption'), body),
    },
    {
      type: 'paragraph',
      id: 'Figure',
      name: 'Figure',
      basedOn: 'Normal',
      next: 'Caption',
      qFormat: true,
      pPr: { keepNext: true, spacing: { before: ptToTwip(body.spaceBefore), after: 0 } },
    },
    {
      type: 'paragraph',
      id: 'FootnoteText',
      name: 'footnote text',
      basedOn: 'Normal',
      uiPriority: 99,
      pPr: { spacing: roleSpacing(role('footnote')) },
      rPr: roleRun(theme, role('footnote'), body),
    },
    {
      type: 'paragraph',
      id: 'ListParagraph',
      name: 'List Paragraph',
      basedOn: 'Normal',
      uiPriority: 34,
      qFormat: true,
      pPr: { spacing: { after: ptToTwip(body.spaceAfter) }, contextualSpacing: true },
    },
    {
      type: 'paragraph',
      id: 'TableContents',
      name: 'Table Contents',
      basedOn: 'Normal',
      qFormat: true,
      pPr: { spacing: { before: 0, after: 0, line: lineSpacing(role('table').lineHeight) } },
      rPr: roleRun(theme, role('table'), body),
    },
    {
      type: 'paragraph',
      id: 'TableHeading',
      name: 'Table Heading',
      basedOn: 'TableContents',
      qFormat: true,
      pPr: { keepNext: true },
      rPr: roleRun(theme, role('tableHeader'), role('table')),
    },
    {
      type: 'paragraph',
      id: 'Header',
      name: 'header',
      basedOn: 'Normal',
      uiPriority: 99,
      pPr: {
        tabs: `<w:tab w:val="center" w:pos="${Math.round(textWidth / 2)}"/><w:tab w:val="right" w:pos="${textWidth}"/>`,
        spacing: { after: 0, line: 240 },
      },
      rPr: { font: theme.fonts.sans.docx, size: role('caption').size, color: theme.colors.muted },
    },
    {
      type: 'paragraph',
      id: 'Footer',
      name: 'footer',
      basedOn: 'Header',
      uiPriority: 99,
    },
    {
      type: 'paragraph',
      id: 'TOCHeading',
      name: 'TOC Heading',
      basedOn: 'Heading1',
      next: 'Normal',
      uiPriority: 39,
      qFormat: true,
      pPr: { outlineLevel: 9 },
      rPr: roleRun(theme, role('h2'), role('h1')),
    },
    ...tocLevels,
    {
      type: 'character',
      id: 'DefaultParagraphFont',
      name: 'Default Paragraph Font',
      isDefault: true,
      uiPriority: 1,
      semiHidden: true,
    },
    {
      type: 'character',
      id: 'VerbatimChar',
      name: 'Verbatim Char',
      basedOn: 'DefaultParagraphFont',
      rPr: { font: theme.fonts[role('code').font].docx, size: role('code').size, shading: role('code').background, noProof: true },
    },
    {
      type: 'character',
      id: 'Hyperlink',
      name: 'Hyperlink',
      basedOn: 'DefaultParagraphFont',
      uiPriority: 99,
      rPr: { color: role('link').color, underline: role('link').underline },
    },
    {
      type: 'character',
      id: 'FootnoteReference',
      name: 'footnote reference',
      basedOn: 'DefaultParagraphFont',
      uiPriority: 99,
      rPr: { vertAlign: 'superscript' },
    },
    {
      type: 'table',
      id: 'TableNormal',
      name: 'Normal Table',
      isDefault: true,
      uiPriority: 99,
      semiHidden: true,
      tblPr: '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>',
    },
    {
      type: 'table',
      id: 'Table',
      name: 'Table',
      basedOn: 'TableNormal',
      uiPriority: 59,
      qFormat: true,
      tblPr: tableBorders(border) + tableCellMargins(),
      tableConditions:
        `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr>` +
        `<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${hex(role('tableHeader').background ?? '#f3f4f6')}"/></w:tcPr></w:tblStylePr>`,
    },
    {
      type: 'numbering',
      id: 'NoList',
      name: 'No List',
      isDefault: true,
      uiPriority: 99,
      semiHidden: true,
    },
  ];
}

/** `w:tblBorders`: a thin grid in the theme's border colour. */
export function tableBorders(color: string): string {
  const line = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${color}"/>`;
  return `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(line).join('')}</w:tblBorders>`;
}

export function tableCellMargins(): string {
  const { vertical, horizontal } = tableCellPadding;
  return (
    `<w:tblCellMar><w:top w:w="${vertical}" w:type="dxa"/><w:left w:w="${horizontal}" w:type="dxa"/>` +
    `<w:bottom w:w="${vertical}" w:type="dxa"/><w:right w:w="${horizontal}" w:type="dxa"/></w:tblCellMar>`
  );
}

function styleXml(style: StyleDefinition): string {
  let xml = `<w:style w:type="${style.type}"${style.isDefault ? ' w:default="1"' : ''}${style.type !== 'numbering' && !builtIn.has(style.id) ? ' w:customStyle="1"' : ''} w:styleId="${attr(style.id)}">`;
  xml += `<w:name w:val="${attr(style.name)}"/>`;
  if (style.basedOn) xml += `<w:basedOn w:val="${style.basedOn}"/>`;
  if (style.next) xml += `<w:next w:val="${style.next}"/>`;
  if (style.uiPriority !== undefined) xml += `<w:uiPriority w:val="${style.uiPriority}"/>`;
  if (style.semiHidden) xml += '<w:semiHidden/><w:unhideWhenUsed/>';
  if (style.qFormat) xml += '<w:qFormat/>';
  if (style.pPr) xml += paragraphProperties(style.pPr);
  if (style.rPr) xml += runProperties(style.rPr);
  if (style.tblPr) xml += `<w:tblPr>${style.tblPr}</w:tblPr>`;
  if (style.tableConditions) xml += style.tableConditions;
  return `${xml}</w:style>`;
}

/** Styles Word itself defines (not marked custom). */
const builtIn = new Set([
  'Normal', 'BodyText', 'Title', 'Subtitle', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6',
  'Quote', 'Caption', 'FootnoteText', 'ListParagraph', 'Header', 'Footer', 'TOCHeading', 'TOC1', 'TOC2', 'TOC3',
  'TOC4', 'TOC5', 'TOC6', 'DefaultParagraphFont', 'Hyperlink', 'FootnoteReference', 'TableNormal', 'NoList',
]);

export interface StyleSheetOptions {
  theme: Theme;
  language: WordLanguage;
  rtl: boolean;
  /** Text width in twips (tab stops of headers, footers and the table of contents). */
  textWidth: number;
}

/** `w:docDefaults`: the body font and size, and the document's language. */
export function documentDefaults({ theme, language, rtl }: StyleSheetOptions): string {
  const body = theme.roles.body;
  const font = attr(theme.fonts[body.font].docx);
  const half = Math.round(body.size * 2);
  return (
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}"/>` +
    `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/>${rtl ? '<w:rtl/>' : ''}${languageElement(language)}</w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:widowControl/>${rtl ? '<w:bidi/>' : ''}<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`
  );
}

export function languageElement(language: WordLanguage): string {
  let xml = `<w:lang w:val="${attr(language.tag)}"`;
  if (language.eastAsia) xml += ` w:eastAsia="${attr(language.eastAsia)}"`;
  if (language.bidi) xml += ` w:bidi="${attr(language.bidi)}"`;
  return `${xml}/>`;
}

/** The styles each handler asks for, as `<w:style>` elements. */
export function styleElements(options: StyleSheetOptions): string[] {
  return styleDefinitions(options.theme, options.textWidth).map(styleXml);
}

/** `word/styles.xml` from the theme. */
export function stylesXml(options: StyleSheetOptions): string {
  return `${declaration}<w:styles${namespaces('w')}>${documentDefaults(options)}${styleElements(options).join('')}</w:styles>`;
}

/** Style ids that galley defines, in the order they are written. */
export function styleIds(options: StyleSheetOptions): string[] {
  return styleDefinitions(options.theme, options.textWidth).map((style) => style.id);
}

function level(ilvl: number, format: 'bullet' | 'decimal' | 'none', textOf: string, suffix?: 'nothing'): string {
  const left = listStep * (ilvl + 1);
  return (
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>` +
    (suffix ? `<w:suff w:val="${suffix}"/>` : '') +
    `<w:lvlText w:val="${attr(textOf)}"/><w:lvlJc w:val="left"/>` +
    `<w:pPr><w:ind w:left="${left}" w:hanging="${listStep}"/></w:pPr></w:lvl>`
  );
}

function abstractNum(id: number, levels: (ilvl: number) => string): string {
  let xml = `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>`;
  for (let ilvl = 0; ilvl < 9; ilvl++) xml += levels(ilvl);
  return `${xml}</w:abstractNum>`;
}

/** The list definitions' ids in `word/numbering.xml`. */
const abstractIds = { bullet: 0, ordered: 1, task: 2 } as const;

/**
 * `word/numbering.xml`: three list definitions (bullets, decimal numbers,
 * task items whose box is text) and their instances: one shared bullet list
 * (numId 1), one shared task list (numId 2), and one instance per ordered
 * list that restarts at the list's start number.
 */
export function numberingXml(orderedLists: readonly OrderedListInstance[]): string {
  let xml = `${declaration}<w:numbering${namespaces('w')}>`;
  xml += abstractNum(abstractIds.bullet, (ilvl) => level(ilvl, 'bullet', bulletGlyphs[ilvl % bulletGlyphs.length] as string));
  xml += abstractNum(abstractIds.ordered, (ilvl) => level(ilvl, 'decimal', `%${ilvl + 1}.`));
  // A no-break space, not an empty text: readers (pandoc) take an item
  // without a visible marker for a paragraph of the item before.
  xml += abstractNum(abstractIds.task, (ilvl) => level(ilvl, 'bullet', '\u00A0', 'nothing'));
  xml += `<w:num w:numId="1"><w:abstractNumId w:val="${abstractIds.bullet}"/></w:num>`;
  xml += `<w:num w:numId="2"><w:abstractNumId w:val="${abstractIds.task}"/></w:num>`;
  for (const list of orderedLists) {
    xml +=
      `<w:num w:numId="${list.numId}"><w:abstractNumId w:val="${abstractIds.ordered}"/>` +
      `<w:lvlOverride w:ilvl="${list.ilvl}"><w:startOverride w:val="${list.start}"/></w:lvlOverride></w:num>`;
  }
  return `${xml}</w:numbering>`;
}
