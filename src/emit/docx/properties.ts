// Paragraph and run properties, written in the element order the schema
// requires (Word refuses a file whose `w:pPr` or `w:rPr` children are out of
// order). Handlers name styles; direct formatting is kept for what a style
// cannot say (a list item's numbering, a column's alignment, a code token's
// colour).
import type { Marks } from './state.js';
import { attr, text } from './xml.js';

export interface ParagraphProperties {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  numbering?: { numId: number; ilvl: number };
  /** Raw `w:pBdr` content. */
  borders?: string;
  /** Background, `rrggbb` or `#rrggbb`. */
  shading?: string;
  /** Raw `w:tabs` content. */
  tabs?: string;
  /** Right-to-left paragraph. */
  bidi?: boolean;
  spacing?: { before?: number; after?: number; line?: number; lineRule?: 'auto' | 'exact' | 'atLeast' };
  indent?: { left?: number; right?: number; hanging?: number; firstLine?: number };
  /** true: no space between paragraphs of the same style; false: turn the style's off. */
  contextualSpacing?: boolean;
  align?: 'left' | 'center' | 'right' | 'both';
  outlineLevel?: number;
  /** Raw `w:rPr` for the paragraph mark. */
  markRun?: string;
}

export function paragraphProperties(p: ParagraphProperties): string {
  let xml = '';
  if (p.style) xml += `<w:pStyle w:val="${attr(p.style)}"/>`;
  if (p.keepNext) xml += '<w:keepNext/>';
  if (p.keepLines) xml += '<w:keepLines/>';
  if (p.pageBreakBefore) xml += '<w:pageBreakBefore/>';
  if (p.numbering) xml += `<w:numPr><w:ilvl w:val="${p.numbering.ilvl}"/><w:numId w:val="${p.numbering.numId}"/></w:numPr>`;
  if (p.borders) xml += `<w:pBdr>${p.borders}</w:pBdr>`;
  if (p.shading) xml += `<w:shd w:val="clear" w:color="auto" w:fill="${hex(p.shading)}"/>`;
  if (p.tabs) xml += `<w:tabs>${p.tabs}</w:tabs>`;
  if (p.bidi) xml += '<w:bidi/>';
  if (p.spacing) {
    const s = p.spacing;
    xml += '<w:spacing';
    if (s.before !== undefined) xml += ` w:before="${s.before}"`;
    if (s.after !== undefined) xml += ` w:after="${s.after}"`;
    if (s.line !== undefined) xml += ` w:line="${s.line}" w:lineRule="${s.lineRule ?? 'auto'}"`;
    xml += '/>';
  }
  if (p.indent) {
    const i = p.indent;
    xml += '<w:ind';
    if (i.left !== undefined) xml += ` w:left="${i.left}"`;
    if (i.right !== undefined) xml += ` w:right="${i.right}"`;
    if (i.hanging !== undefined) xml += ` w:hanging="${i.hanging}"`;
    else if (i.firstLine !== undefined) xml += ` w:firstLine="${i.firstLine}"`;
    xml += '/>';
  }
  if (p.contextualSpacing !== undefined) xml += p.contextualSpacing ? '<w:contextualSpacing/>' : '<w:contextualSpacing w:val="0"/>';
  if (p.align) xml += `<w:jc w:val="${p.align}"/>`;
  if (p.outlineLevel !== undefined) xml += `<w:outlineLvl w:val="${p.outlineLevel}"/>`;
  if (p.markRun) xml += `<w:rPr>${p.markRun}</w:rPr>`;
  return xml ? `<w:pPr>${xml}</w:pPr>` : '';
}

export interface RunProperties {
  style?: string;
  font?: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  /** Not spell-checked (code). */
  noProof?: boolean;
  /** `rrggbb` or `#rrggbb`. */
  color?: string;
  /** Points. */
  size?: number;
  highlight?: string;
  underline?: boolean;
  /** Raw `w:bdr` attributes. */
  border?: string;
  /** Background, `rrggbb` or `#rrggbb`. */
  shading?: string;
  vertAlign?: 'superscript' | 'subscript';
}

/** `<w:rPr>…</w:rPr>`, or '' when there is nothing to say. */
export function runProperties(r: RunProperties): string {
  let xml = '';
  if (r.style) xml += `<w:rStyle w:val="${attr(r.style)}"/>`;
  if (r.font) {
    const font = attr(r.font);
    xml += `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>`;
  }
  if (r.bold) xml += '<w:b/><w:bCs/>';
  if (r.italic) xml += '<w:i/><w:iCs/>';
  if (r.strike) xml += '<w:strike/>';
  if (r.noProof) xml += '<w:noProof/>';
  if (r.color) xml += `<w:color w:val="${hex(r.color)}"/>`;
  if (r.size !== undefined) {
    const half = Math.round(r.size * 2);
    xml += `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/>`;
  }
  if (r.highlight) xml += `<w:highlight w:val="${r.highlight}"/>`;
  if (r.underline) xml += '<w:u w:val="single"/>';
  if (r.border) xml += `<w:bdr ${r.border}/>`;
  if (r.shading) xml += `<w:shd w:val="clear" w:color="auto" w:fill="${hex(r.shading)}"/>`;
  if (r.vertAlign) xml += `<w:vertAlign w:val="${r.vertAlign}"/>`;
  return xml ? `<w:rPr>${xml}</w:rPr>` : '';
}

/** `#1F2328` → `1F2328`, as OOXML colours are written. */
export function hex(color: string): string {
  const value = color.replace(/^#/, '').toUpperCase();
  return /^[0-9A-F]{6}$/.test(value) ? value : 'auto';
}

const markRunCache = new WeakMap<Marks, { linkColor: string; xml: string }>();

/**
 * The run properties for the marks flowing down to a text run. Code and
 * links have character styles (Verbatim Char, Hyperlink); a run can have one
 * style only, so code inside a link keeps the link's colour and underline as
 * direct formatting. Cached per marks object: siblings share theirs.
 */
export function marksRunProperties(marks: Marks, linkColor: string): string {
  const cached = markRunCache.get(marks);
  if (cached && cached.linkColor === linkColor) return cached.xml;
  const code = marks.code || marks.kbd;
  const xml = runProperties({
    style: code ? 'VerbatimChar' : marks.link ? 'Hyperlink' : undefined,
    bold: marks.bold,
    italic: marks.italic,
    strike: marks.strike,
    color: code && marks.link ? linkColor : undefined,
    highlight: marks.mark ? 'yellow' : undefined,
    underline: code && marks.link ? true : undefined,
    border: marks.kbd ? 'w:val="single" w:sz="4" w:space="0" w:color="A0A7B0"' : undefined,
    vertAlign: marks.sup ? 'superscript' : marks.sub ? 'subscript' : undefined,
  });
  markRunCache.set(marks, { linkColor, xml });
  return xml;
}

/**
 * A run of text. Tabs become `w:tab`; line feeds (soft line breaks of the
 * Markdown source) become spaces, as a browser shows them.
 */
export function textRun(value: string, rPr: string): string {
  if (!value) return '';
  const clean = value.includes('\n') ? value.replace(/[ \t]*\r?\n[ \t]*/g, ' ') : value;
  if (!clean.includes('\t')) return `<w:r>${rPr}<w:t xml:space="preserve">${text(clean)}</w:t></w:r>`;
  const parts = clean.split('\t').map((part) => (part ? `<w:t xml:space="preserve">${text(part)}</w:t>` : ''));
  return `<w:r>${rPr}${parts.join('<w:tab/>')}</w:r>`;
}

/** A paragraph with the given properties and content. */
export function paragraph(properties: ParagraphProperties, content: string): string {
  return `<w:p>${paragraphProperties(properties)}${content}</w:p>`;
}
