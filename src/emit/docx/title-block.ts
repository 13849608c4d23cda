// The title block, for titles written in front matter only (as in HTML): a
// title taken from a heading is already in the body, and a file name is no
// title to show. Title, Subtitle, Author and Date are named styles; a date
// is written out in the document's language, as in the PDF.
import type { Meta } from '../../document.js';
import { formatDate } from '../locale.js';
import { paragraph, textRun } from './properties.js';

export function titleBlock(meta: Meta): string {
  if (meta.titleSource !== 'front-matter') return '';
  let xml = paragraph({ style: 'Title' }, textRun(meta.title, ''));
  if (meta.subtitle) xml += paragraph({ style: 'Subtitle' }, textRun(meta.subtitle, ''));
  for (const author of meta.authors) {
    xml += paragraph({ style: 'Author' }, textRun(author.affiliation ? `${author.name}, ${author.affiliation}` : author.name, ''));
  }
  if (meta.date) xml += paragraph({ style: 'Date' }, textRun(formatDate(meta.date, meta.lang), ''));
  return xml;
}
