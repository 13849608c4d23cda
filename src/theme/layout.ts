// Front matter layout keys (papersize, margin, fontsize) applied to the theme,
// once for every format, so that the HTML print style, the PDF and the DOCX
// get the same page. Bad values fall back to the theme and come back as
// problems for the emitter to report (with its own source and a position).
import type { Layout } from '../document.js';
import { defaultTheme, withBodySize, type Margins, type Theme } from './theme.js';
import { LengthError, paperSize, paperSizes, parseLength, type PaperSize } from './units.js';

export interface PageLayout {
  /** Paper name as understood (`a4`, `letter`…). */
  paper: string;
  /** Portrait size in points. */
  size: PaperSize;
  margins: Margins;
  /** The theme with `fontsize` applied. */
  theme: Theme;
  /** Front matter values that were ignored, and why. */
  problems: Array<{ key: string; reason: string }>;
}

const sides = ['top', 'right', 'bottom', 'left'] as const;

export function resolveLayout(layout: Layout, theme: Theme = defaultTheme): PageLayout {
  const problems: PageLayout['problems'] = [];
  const length = (key: string, value: string): number | undefined => {
    try {
      return parseLength(value);
    } catch (error) {
      if (!(error instanceof LengthError)) throw error;
      problems.push({ key, reason: `${error.message}; the theme's value is used` });
      return undefined;
    }
  };

  let paper: string = theme.page.size;
  let size: PaperSize = paperSizes[theme.page.size];
  if (layout.papersize) {
    const known = paperSize(layout.papersize);
    if (known) {
      paper = layout.papersize.trim().toLowerCase();
      size = known;
    } else {
      problems.push({
        key: 'papersize',
        reason: `unknown paper size "${layout.papersize}" (known: ${Object.keys(paperSizes).join(', ')}); ${paper} is used`,
      });
    }
  }

  const margins: Margins = { ...theme.page.margins };
  if (typeof layout.margin === 'string') {
    const all = length('margin', layout.margin);
    if (all !== undefined) for (const side of sides) margins[side] = all;
  } else if (layout.margin) {
    for (const side of sides) {
      const value = layout.margin[side];
      if (value === undefined) continue;
      const parsed = length(`margin.${side}`, value);
      if (parsed !== undefined) margins[side] = parsed;
    }
  }
  if (margins.left + margins.right >= size.width * 0.8 || margins.top + margins.bottom >= size.height * 0.8) {
    problems.push({ key: 'margin', reason: 'margins leave almost no room for text; the theme\'s margins are used' });
    Object.assign(margins, theme.page.margins);
  }

  let resolved = theme;
  if (layout.fontsize) {
    const body = length('fontsize', layout.fontsize);
    if (body !== undefined && (body < 4 || body > 72)) {
      problems.push({ key: 'fontsize', reason: `font size ${layout.fontsize} is outside 4–72pt; the theme's size is used` });
    } else if (body !== undefined) resolved = withBodySize(theme, body);
  }
  return { paper, size, margins, theme: resolved, problems };
}
