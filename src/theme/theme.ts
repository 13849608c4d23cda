// The one theme every format reads, so that a document's HTML page, PDF and
// DOCX look like the same document. Typography is named by role (body,
// headings, code, quote…); each emitter maps roles to its own form (CSS
// rules, Word styles, PDF font settings). Sizes and spacing are in points.
import type { PaperName } from './units.js';

export type FontKey = 'serif' | 'sans' | 'mono';

export interface FontFamily {
  /** CSS `font-family` stack for HTML (the PDF's family first, so they match where installed). */
  css: string;
  /** Family the PDF embeds (resolved to font files by the PDF emitter). */
  pdf: string;
  /** Family name written into DOCX styles (one that Word installs everywhere). */
  docx: string;
}

export type RoleName =
  | 'body'
  | 'title'
  | 'subtitle'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'code'
  | 'codeBlock'
  | 'quote'
  | 'link'
  | 'caption'
  | 'tableHeader'
  | 'table'
  | 'footnote';

export interface RoleStyle {
  font: FontKey;
  /** Font size in points. */
  size: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Text colour, `#rrggbb`. */
  color: string;
  /** Space above the block, in points. */
  spaceBefore: number;
  /** Space below the block, in points. */
  spaceAfter: number;
  bold: boolean;
  italic: boolean;
  /** Background colour, `#rrggbb` (code, table header). */
  background?: string;
  /** Underline (links). */
  underline?: boolean;
}

/** How one highlight scope (`keyword`, `title.function`…) is drawn. */
export interface ScopeStyle {
  color?: string;
  background?: string;
  bold?: boolean;
  italic?: boolean;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Page furniture of printed output (PDF). */
export interface PrintStyle {
  /** Running header: the current level-1 or level-2 section title, the document title, or none. */
  runningHead: 'section' | 'title' | 'none';
  /** Footer: "Page 3 of 12" (in the document's language) or the number alone. */
  pageNumber: 'page-of-total' | 'number' | 'none';
  /** Leader between a contents entry and its page number (empty: none). */
  tocLeader: string;
}

export interface Theme {
  name: string;
  page: { size: PaperName; margins: Margins };
  fonts: Record<FontKey, FontFamily>;
  roles: Record<RoleName, RoleStyle>;
  /** Colours that belong to no text role: rules, borders, quote bar, notices. */
  colors: { rule: string; border: string; quoteBar: string; muted: string; error: string };
  /** Syntax colours by highlight scope; see `scopeStyle` for how a scope is looked up. */
  syntax: Record<string, ScopeStyle>;
  /** Running heads, page numbers and contents leaders in print (default: `defaultPrintStyle`). */
  print?: PrintStyle;
}

export const defaultPrintStyle: PrintStyle = { runningHead: 'section', pageNumber: 'page-of-total', tocLeader: '.' };

const text = '#1f2328';
const muted = '#57606a';

const role = (style: Partial<RoleStyle> & Pick<RoleStyle, 'font' | 'size'>): RoleStyle => ({
  lineHeight: 1.5,
  color: text,
  spaceBefore: 0,
  spaceAfter: 0,
  bold: false,
  italic: false,
  ...style,
});

const heading = (size: number, spaceBefore: number, spaceAfter: number, extra: Partial<RoleStyle> = {}) =>
  role({ font: 'sans', size, lineHeight: 1.25, spaceBefore, spaceAfter, bold: true, ...extra });

export const defaultTheme: Theme = {
  name: 'galley',
  page: { size: 'a4', margins: { top: 72, right: 72, bottom: 72, left: 72 } },
  fonts: {
    serif: {
      css: '"Noto Serif", Charter, "Bitstream Charter", "Sitka Text", Cambria, "DejaVu Serif", Georgia, serif',
      pdf: 'Noto Serif',
      docx: 'Cambria',
    },
    sans: {
      css: '"Noto Sans", "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif',
      pdf: 'Noto Sans',
      docx: 'Calibri',
    },
    mono: {
      css: '"Noto Sans Mono", ui-monospace, "SF Mono", "Cascadia Mono", Consolas, Menlo, "DejaVu Sans Mono", "Liberation Mono", monospace',
      pdf: 'Noto Sans Mono',
      docx: 'Consolas',
    },
  },
  roles: {
    body: role({ font: 'serif', size: 11, spaceAfter: 8 }),
    title: heading(24, 0, 6, { lineHeight: 1.2 }),
    subtitle: role({ font: 'sans', size: 14, lineHeight: 1.3, color: muted, spaceAfter: 10 }),
    h1: heading(20, 24, 8),
    h2: heading(16, 20, 6),
    h3: heading(13, 16, 4),
    h4: heading(11.5, 14, 4),
    h5: heading(11, 12, 4, { italic: true }),
    h6: heading(10.5, 12, 4, { color: muted }),
    code: role({ font: 'mono', size: 9.5, background: '#eff1f3' }),
    codeBlock: role({ font: 'mono', size: 9, lineHeight: 1.45, spaceBefore: 4, spaceAfter: 10, background: '#f6f8fa' }),
    quote: role({ font: 'serif', size: 11, color: muted, spaceAfter: 8 }),
    link: role({ font: 'serif', size: 11, color: '#0b5cad', underline: true }),
    caption: role({ font: 'sans', size: 9.5, lineHeight: 1.35, color: muted, spaceBefore: 4, spaceAfter: 12, italic: true }),
    tableHeader: role({ font: 'sans', size: 10, lineHeight: 1.35, bold: true, background: '#f3f4f6' }),
    table: role({ font: 'sans', size: 10, lineHeight: 1.35, spaceBefore: 4, spaceAfter: 10 }),
    footnote: role({ font: 'serif', size: 9.5, lineHeight: 1.4, color: '#32383f', spaceAfter: 4 }),
  },
  colors: { rule: '#d0d7de', border: '#d0d7de', quoteBar: '#c8d1da', muted, error: '#b42318' },
  print: defaultPrintStyle,
  // A calm light palette (after GitHub's light theme): dark enough on the
  // code background to print well, few hues, comments quiet but legible.
  syntax: {
    keyword: { color: '#cf222e' },
    'built_in': { color: '#8250df' },
    type: { color: '#953800' },
    literal: { color: '#0550ae' },
    number: { color: '#0550ae' },
    string: { color: '#0a3069' },
    regexp: { color: '#116329' },
    symbol: { color: '#0550ae' },
    'char.escape': { color: '#0550ae' },
    comment: { color: '#6e7781', italic: true },
    doctag: { color: '#cf222e' },
    meta: { color: '#0550ae' },
    'meta.keyword': { color: '#cf222e' },
    'meta.string': { color: '#0a3069' },
    title: { color: '#8250df' },
    'title.class': { color: '#953800' },
    'title.class.inherited': { color: '#953800' },
    'title.function': { color: '#8250df' },
    attr: { color: '#0550ae' },
    attribute: { color: '#0550ae' },
    property: { color: '#0550ae' },
    variable: { color: '#953800' },
    'variable.language': { color: '#cf222e' },
    'variable.constant': { color: '#0550ae' },
    'template-variable': { color: '#953800' },
    'template-tag': { color: '#cf222e' },
    operator: { color: '#0550ae' },
    section: { color: '#0550ae', bold: true },
    tag: { color: '#116329' },
    name: { color: '#116329' },
    'selector-tag': { color: '#116329' },
    'selector-id': { color: '#0550ae' },
    'selector-class': { color: '#6639ba' },
    'selector-attr': { color: '#0550ae' },
    'selector-pseudo': { color: '#6639ba' },
    bullet: { color: '#953800' },
    quote: { color: '#116329' },
    code: { color: '#0550ae' },
    link: { color: '#0a3069' },
    addition: { color: '#116329', background: '#dafbe1' },
    deletion: { color: '#82071e', background: '#ffebe9' },
    emphasis: { italic: true },
    strong: { bold: true },
  },
};

/**
 * The style for a highlight scope, most specific first: `title.function.x`
 * falls back to `title.function`, then `title`. Undefined: plain code text.
 */
export function scopeStyle(theme: Theme, scope: string | undefined): ScopeStyle | undefined {
  let key = scope;
  while (key) {
    const style = theme.syntax[key];
    if (style) return style;
    const dot = key.lastIndexOf('.');
    key = dot < 0 ? undefined : key.slice(0, dot);
  }
  return undefined;
}

/** The theme with every role's size scaled so that the body is `bodySize` points. */
export function withBodySize(theme: Theme, bodySize: number): Theme {
  const factor = bodySize / theme.roles.body.size;
  if (factor === 1) return theme;
  const scale = (value: number) => Math.round(value * factor * 100) / 100;
  const roles = Object.fromEntries(
    Object.entries(theme.roles).map(([name, style]) => [
      name,
      { ...style, size: scale(style.size), spaceBefore: scale(style.spaceBefore), spaceAfter: scale(style.spaceAfter) },
    ]),
  ) as Record<RoleName, RoleStyle>;
  return { ...theme, roles };
}
