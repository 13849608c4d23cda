// The table of contents (`toc: true`): a real Word TOC field (in the
// content control Word puts its own in), whose result is already filled in
// with one entry per heading down to `toc-depth` (default 3), each linked to
// the heading's bookmark. It reads right before anyone updates fields, and
// Word's "Update Table" rebuilds it with page numbers. A title taken from a
// heading is not listed: the table comes right after it (as in HTML).
import type { Meta, OutlineEntry } from '../../document.js';
import type { Labels } from '../../i18n.js';
import { paragraph, textRun } from './properties.js';
import { attr } from './xml.js';

export const defaultTocDepth = 3;

/** The heading that is the document's title (as the parse stage chose it), if any. */
export function titleHeading(meta: Meta, outline: readonly OutlineEntry[]): OutlineEntry | undefined {
  if (meta.titleSource !== 'heading') return undefined;
  return outline.find((entry) => entry.depth === 1) ?? outline[0];
}

export function tableOfContents(
  meta: Meta,
  outline: readonly OutlineEntry[],
  labels: Labels,
  bookmarks: ReadonlyMap<string, string>,
): string {
  const depth = Math.min(Math.max(Math.floor(meta.layout.tocDepth ?? defaultTocDepth), 1), 6);
  const title = titleHeading(meta, outline);
  const entries = outline.filter((entry) => entry !== title && entry.depth <= depth && bookmarks.has(entry.id));
  if (entries.length === 0) return '';
  const top = Math.min(...entries.map((entry) => entry.depth));
  const field =
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve"> TOC \\o "1-${depth}" \\h \\z \\u </w:instrText></w:r>` +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>';
  let xml = paragraph({ style: 'TOCHeading' }, textRun(labels.contents, ''));
  entries.forEach((entry, index) => {
    const link = `<w:hyperlink w:anchor="${attr(bookmarks.get(entry.id) as string)}" w:history="1">${textRun(entry.text, '')}</w:hyperlink>`;
    xml += paragraph({ style: `TOC${entry.depth - top + 1}` }, (index === 0 ? field : '') + link);
  });
  xml += paragraph({ style: `TOC1` }, '<w:r><w:fldChar w:fldCharType="end"/></w:r>');
  return (
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>' +
    `<w:sdtContent>${xml}</w:sdtContent></w:sdt>`
  );
}
