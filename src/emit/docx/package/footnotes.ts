// `word/footnotes.xml`: Word's two separator notes (ids -1 and 0, named in
// the settings), then the document's notes, numbered from 1.
import { declaration, namespaces } from '../xml.js';

const separator = (type: string, id: number, mark: string) =>
  `<w:footnote w:type="${type}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r>${mark}</w:r></w:p></w:footnote>`;

export function footnotesXml(notes: readonly string[]): string {
  let xml = `${declaration}<w:footnotes${namespaces('w', 'r', 'wp', 'a', 'pic', 'm')}>`;
  xml += separator('separator', -1, '<w:separator/>');
  xml += separator('continuationSeparator', 0, '<w:continuationSeparator/>');
  notes.forEach((body, index) => {
    xml += `<w:footnote w:id="${index + 1}">${body || '<w:p/>'}</w:footnote>`;
  });
  return `${xml}</w:footnotes>`;
}
