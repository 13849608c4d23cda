// The title block, for titles written in front matter only: a title taken
// from a heading is already in the body, and a file name is no title to show.
import type { Element, ElementContent } from 'hast';
import type { Meta } from '../../../document.js';
import { formatDate, isoDate } from '../../locale.js';

const p = (className: string, content: string | Element): Element => ({
  type: 'element',
  tagName: 'p',
  properties: { className: [className] },
  children: [typeof content === 'string' ? { type: 'text', value: content } : content],
});

/** An ISO date written out in the document's language, machine-readable in `<time>`; other text as it is. */
function date(value: string, lang: string): string | Element {
  const iso = isoDate(value)?.iso;
  if (!iso) return value;
  return { type: 'element', tagName: 'time', properties: { dateTime: iso }, children: [{ type: 'text', value: formatDate(value, lang) }] };
}

export function titleBlock(meta: Meta): Element | undefined {
  if (meta.titleSource !== 'front-matter') return undefined;
  const children: ElementContent[] = [
    { type: 'element', tagName: 'h1', properties: { className: ['title'] }, children: [{ type: 'text', value: meta.title }] },
  ];
  if (meta.subtitle) children.push(p('subtitle', meta.subtitle));
  for (const author of meta.authors) {
    children.push(p('author', author.affiliation ? `${author.name}, ${author.affiliation}` : author.name));
  }
  if (meta.date) children.push(p('date', date(meta.date, meta.lang)));
  return { type: 'element', tagName: 'header', properties: { className: ['title-block'] }, children: lines(children) };
}

/** A line ending before and after each block child, so the output reads well. */
function lines(children: ElementContent[]): ElementContent[] {
  const result: ElementContent[] = [{ type: 'text', value: '\n' }];
  for (const child of children) result.push(child, { type: 'text', value: '\n' });
  return result;
}
