// The page's CSS, generated from the theme (the same roles and syntax
// colours the PDF and DOCX use) and the resolved page layout: screen rules
// for a readable column, print rules for paper.
import type { PageLayout } from '../../theme/layout.js';
import type { RoleName, RoleStyle, ScopeStyle, Theme } from '../../theme/theme.js';

const pt = (value: number) => `${round(value)}pt`;
const round = (value: number) => Math.round(value * 100) / 100;

function font(theme: Theme, style: RoleStyle, size: string = pt(style.size)): string[] {
  return [
    `font-family: ${theme.fonts[style.font].css}`,
    `font-size: ${size}`,
    `line-height: ${round(style.lineHeight)}`,
    `font-weight: ${style.bold ? 700 : 400}`,
    `font-style: ${style.italic ? 'italic' : 'normal'}`,
    `color: ${style.color}`,
  ];
}

function block(style: RoleStyle): string {
  return `margin: ${pt(style.spaceBefore)} 0 ${pt(style.spaceAfter)}`;
}

function rule(selector: string, declarations: Array<string | false | undefined>): string {
  const lines = declarations.filter(Boolean).map((d) => `  ${d};`);
  return `${selector} {\n${lines.join('\n')}\n}`;
}

/** `title.function` → `.hljs-title.function_` (how highlight.js writes sub-scopes). */
export function scopeSelector(scope: string): string {
  const [head, ...rest] = scope.split('.');
  return `.hljs-${head}` + rest.map((part, i) => `.${part}${'_'.repeat(i + 1)}`).join('');
}

function scopeRule(scope: string, style: ScopeStyle): string {
  return rule(scopeSelector(scope), [
    style.color && `color: ${style.color}`,
    style.background && `background-color: ${style.background}`,
    style.bold && 'font-weight: 700',
    style.italic && 'font-style: italic',
  ]);
}

export interface CssInput {
  layout: PageLayout;
  /** Append temml's MathML rules (documents with math only). */
  mathCss?: string;
  /** User CSS, last. */
  extra?: string;
}

export function pageCss({ layout, mathCss, extra }: CssInput): string {
  const { theme, size, margins } = layout;
  const r = theme.roles;
  const c = theme.colors;
  const body = r.body;
  // Inline roles are sized relative to their surroundings (code in a heading).
  const em = (style: RoleStyle) => `${round(style.size / body.size)}em`;
  const headings = (['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((name) =>
    rule(name, [...font(theme, r[name]), block(r[name])]),
  );
  const roleBlock = (selector: string, name: RoleName, extra: string[] = []) =>
    rule(selector, [...font(theme, r[name]), block(r[name]), ...extra]);

  const sheet = [
    `/* galley theme "${theme.name}" */`,
    rule(':root', ['color-scheme: light']),
    rule('*, *::before, *::after', ['box-sizing: border-box']),
    rule('html', ['-webkit-text-size-adjust: 100%', 'text-size-adjust: 100%']),
    rule('body', [...font(theme, body), 'margin: 0', 'background: #ffffff', 'font-kerning: normal', 'hyphens: auto', 'overflow-wrap: break-word']),
    // A readable measure, centred on screen; paper has its own margins.
    rule('main', ['max-width: 42em', 'margin: 0 auto', 'padding: 3em 1.5em 4em']),
    rule('p', [block(body)]),
    ...headings,
    // A heading is already bold: `## **x**` should not look heavier.
    rule('h1 strong, h2 strong, h3 strong, h4 strong, h5 strong, h6 strong', ['font-weight: inherit']),
    rule('h1, h2, h3, h4, h5, h6', ['break-after: avoid', 'break-inside: avoid']),
    rule('a', [`color: ${r.link.color}`, r.link.underline ? 'text-decoration: underline' : 'text-decoration: none', 'text-decoration-thickness: 0.06em', 'text-underline-offset: 0.15em']),
    rule('a:hover', ['text-decoration-thickness: 0.12em']),
    rule('ul, ol', [block(body), 'padding-inline-start: 1.6em']),
    rule('li > ul, li > ol', ['margin: 0.15em 0']),
    rule('li + li', ['margin-top: 0.15em']),
    rule('li > p', ['margin: 0.25em 0']),
    rule('.contains-task-list', ['padding-inline-start: 1.6em']),
    rule('.task-list-item', ['list-style: none']),
    // Drawn by CSS: browsers grey out disabled checkboxes, which prints badly.
    rule('.task-list-item input[type="checkbox"]', ['appearance: none', '-webkit-appearance: none', 'position: relative', 'width: 0.85em', 'height: 0.85em', 'margin-block: 0', 'margin-inline: -1.4em 0.5em', 'vertical-align: -0.08em', `border: 1.5px solid ${c.muted}`, 'border-radius: 2px', 'background: #ffffff']),
    rule('.task-list-item input[type="checkbox"]:checked', [`background: ${c.muted}`]),
    rule('.task-list-item input[type="checkbox"]:checked::after', ['content: ""', 'position: absolute', 'left: 0.22em', 'top: 0.03em', 'width: 0.2em', 'height: 0.45em', 'border: solid #ffffff', 'border-width: 0 0.12em 0.12em 0', 'transform: rotate(45deg)']),
    rule('blockquote', [...font(theme, r.quote), block(r.quote), `border-inline-start: 3pt solid ${c.quoteBar}`, 'padding-block: 0.1em', 'padding-inline: 1em 0', 'margin-inline: 0']),
    rule('blockquote > :first-child', ['margin-top: 0']),
    rule('blockquote > :last-child', ['margin-bottom: 0']),
    rule('hr', ['border: none', `border-top: 1px solid ${c.rule}`, 'margin: 1.6em 0']),
    rule('code, kbd, samp, pre', [`font-family: ${theme.fonts.mono.css}`]),
    rule(':not(pre) > code', [`font-size: ${em(r.code)}`, `background: ${r.code.background ?? 'transparent'}`, `color: ${r.code.color}`, 'padding: 0.1em 0.3em', 'border-radius: 3px', 'overflow-wrap: break-word', 'hyphens: none']),
    rule('kbd', [`font-size: ${em(r.code)}`, `border: 1px solid ${c.border}`, 'border-bottom-width: 2px', 'border-radius: 3px', 'padding: 0 0.3em']),
    roleBlock('pre', 'codeBlock', [`background: ${r.codeBlock.background ?? 'transparent'}`, `border: 1px solid ${c.border}`, 'border-radius: 4px', 'padding: 0.75em 1em', 'overflow-x: auto', 'white-space: pre', 'tab-size: 4', 'hyphens: none', 'direction: ltr', 'text-align: left']),
    rule('pre code', ['font-size: inherit', 'background: none', 'padding: 0', 'color: inherit']),
    roleBlock('table', 'table', ['border-collapse: collapse', 'display: block', 'max-width: 100%', 'width: max-content', 'overflow-x: auto', 'font-variant-numeric: tabular-nums']),
    rule('th, td', [`border: 1px solid ${c.border}`, 'padding: 0.3em 0.65em', 'vertical-align: top', 'text-align: start']),
    rule('th', [...font(theme, r.tableHeader), `background: ${r.tableHeader.background ?? 'transparent'}`]),
    rule('th[align="left"], td[align="left"]', ['text-align: left']),
    rule('th[align="center"], td[align="center"]', ['text-align: center']),
    rule('th[align="right"], td[align="right"]', ['text-align: right']),
    rule('img', ['max-width: 100%', 'height: auto']),
    rule('figure', ['margin: 1em 0', 'text-align: center']),
    rule('figcaption', [...font(theme, r.caption), block(r.caption)]),
    rule('.figure-label', ['font-style: normal', 'font-weight: 700']),
    rule('.missing-image', [`color: ${c.muted}`, 'font-style: italic', `border: 1px dashed ${c.border}`, 'padding: 0 0.35em', 'border-radius: 3px']),
    rule('.math-display', ['margin: 0.6em 0 1em', 'overflow-x: auto', 'overflow-y: hidden']),
    rule('.math-error', [`color: ${c.error}`]),
    rule('sup, sub', ['line-height: 0']),
    rule('.footnotes', [...font(theme, r.footnote), `border-top: 1px solid ${c.rule}`, 'margin-top: 2.5em', 'padding-top: 0.5em']),
    rule('.footnotes ol', ['padding-inline-start: 1.4em']),
    rule('.footnotes li p', [`margin: 0 0 ${pt(r.footnote.spaceAfter)}`]),
    rule('[data-footnote-ref]', ['text-decoration: none', 'padding: 0 0.1em']),
    rule('.data-footnote-backref', ['text-decoration: none', 'font-family: system-ui, sans-serif']),
    rule('.sr-only', ['position: absolute', 'width: 1px', 'height: 1px', 'padding: 0', 'margin: -1px', 'overflow: hidden', 'clip: rect(0, 0, 0, 0)', 'white-space: nowrap', 'border: 0']),
    rule('.title-block', ['margin: 0 0 2em', 'padding-bottom: 1em', `border-bottom: 1px solid ${c.rule}`]),
    rule('.title-block .title', [...font(theme, r.title), block(r.title)]),
    rule('.title-block .subtitle', [...font(theme, r.subtitle), block(r.subtitle)]),
    rule('.title-block .author, .title-block .date', ['font-family: ' + theme.fonts.sans.css, `color: ${c.muted}`, 'margin: 0.15em 0']),
    rule('.toc', ['margin: 1.5em 0 2em', 'padding: 0.75em 1em', `border: 1px solid ${c.border}`, 'border-radius: 4px', `font-family: ${theme.fonts.sans.css}`, `font-size: ${em(r.table)}`]),
    rule('.toc .toc-title', ['font-size: 1.1em', 'margin: 0 0 0.4em']),
    rule('.toc ul', ['list-style: none', 'margin: 0', 'padding-inline-start: 1.2em']),
    rule('.toc > ul', ['padding-inline-start: 0']),
    rule('.toc li', ['margin: 0.15em 0']),
    rule('.toc a', ['text-decoration: none']),
    // A visible marker on screen; on paper, only the break.
    rule('.page-break', ['break-after: page', `border-top: 1px dashed ${c.border}`, 'margin: 2em 0', 'height: 0']),
    ...Object.entries(theme.syntax).map(([scope, style]) => scopeRule(scope, style)),
    `@page {\n  size: ${pt(size.width)} ${pt(size.height)};\n  margin: ${pt(margins.top)} ${pt(margins.right)} ${pt(margins.bottom)} ${pt(margins.left)};\n}`,
    `@media print {\n${[
      rule('main', ['max-width: none', 'margin: 0', 'padding: 0']),
      rule('body', ['-webkit-print-color-adjust: exact', 'print-color-adjust: exact']),
      rule('p, li, blockquote', ['orphans: 3', 'widows: 3']),
      rule('pre, figure, .math-display, blockquote, tr, img, .title-block', ['break-inside: avoid']),
      // Paper cannot scroll: long code lines wrap instead of being cut off.
      rule('pre', ['white-space: pre-wrap', 'overflow-wrap: anywhere', 'overflow: visible']),
      rule('thead', ['display: table-header-group']),
      rule('table', ['display: table', 'width: auto']),
      rule('.page-break', ['border: none', 'margin: 0']),
    ].join('\n').replace(/^/gm, '  ')}\n}`,
  ];
  if (mathCss) sheet.push(mathCss.trim());
  if (extra) sheet.push(extra.trim());
  return `\n${sheet.join('\n')}\n`;
}
