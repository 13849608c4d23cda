// Page furniture, added once the pages are known: a running header (the
// current section's title or the document's) over a hairline, and a footer
// ("Page 3 of 12"). Both sit in the margins, are artifacts (no structure
// element: a screen reader skips them), and a header too long for the line
// is cut with an ellipsis.
import { layoutInlines } from './lines.js';
import type { Metrics, Op, Page, PaintRun, TextStyle } from './model.js';
import type { PageGeometry } from './layout.js';

export interface Furniture {
  /** The header's text on page `number` (1-based), or undefined for none. */
  header?: (number: number) => string | undefined;
  /** The footer's text on page `number`, or undefined for none. */
  footer?: (number: number) => string | undefined;
  style: TextStyle;
  /** The hairline under the header. */
  rule?: { color: string; width: number };
}

export function addFurniture(pages: readonly Page[], geometry: PageGeometry, metrics: Metrics, furniture: Furniture): void {
  const { margins } = geometry;
  const width = Math.max(geometry.width - margins.left - margins.right, 10);
  const style = furniture.style;
  for (const page of pages) {
    // No room in a margin narrower than two or three lines of the furniture.
    const header = margins.top >= style.size * 3 ? furniture.header?.(page.number) : undefined;
    if (header) {
      const text = fit(header, style, width, metrics);
      const baseline = Math.max(margins.top - style.size * 2.6, margins.top * 0.45);
      const ops = centred(text, style, margins.left, width, metrics);
      if (ops) page.items.push({ y: baseline, ops });
      if (furniture.rule) {
        const y = baseline + style.size * 0.55;
        page.items.push({ y, ops: [{ op: 'line', x1: margins.left, y1: 0, x2: margins.left + width, y2: 0, width: furniture.rule.width, color: furniture.rule.color }] });
      }
    }
    const footer = margins.bottom >= style.size * 2.5 ? furniture.footer?.(page.number) : undefined;
    if (footer) {
      const baseline = geometry.height - Math.min(margins.bottom / 2, 36) + style.size * 0.35;
      const ops = centred(footer, style, margins.left, width, metrics);
      if (ops) page.items.push({ y: baseline, ops });
    }
  }
}

/** One line of text centred in the text width, its baseline at y = 0. */
function centred(text: string, style: TextStyle, x: number, width: number, metrics: Metrics): Op[] | undefined {
  const [first] = layoutInlines([{ kind: 'text', text, style }], { whiteSpace: 'normal', lineHeight: 1.2, strut: style, x, width: 1e6, align: 'left' }, metrics);
  if (!first) return undefined;
  const dx = (width - first.width) / 2;
  return first.ops.map((op): Op => {
    if (op.op !== 'text') return op;
    return { op: 'text', y: 0, runs: op.runs.map((run): PaintRun => ({ ...run, words: run.words.map((word) => ({ text: word.text, x: word.x + dx })) })) };
  });
}

/** The text, cut at a word with an ellipsis when it is wider than `width`. */
export function fit(text: string, style: TextStyle, width: number, metrics: Metrics): string {
  const measure = (value: string) => metrics.split(style, value).reduce((total, run) => total + metrics.width(run.face, run.text, style.size), 0);
  if (measure(text) <= width) return text;
  const words = text.split(/\s+/);
  while (words.length > 1) {
    words.pop();
    const candidate = `${words.join(' ').replace(/[\s,;:.–—-]+$/, '')}…`;
    if (measure(candidate) <= width) return candidate;
  }
  let cut = text;
  while (cut.length > 1 && measure(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}
