// Running header (the document title) and footer (the page number, a PAGE
// field Word and LibreOffice fill in). The first page, which shows the
// title already, gets an empty header.
import { textRun } from '../properties.js';
import { declaration, namespaces } from '../xml.js';

function part(root: 'hdr' | 'ftr', content: string): string {
  return `${declaration}<w:${root}${namespaces('w', 'r')}>${content}</w:${root}>`;
}

export function headerXml(title: string): string {
  return part('hdr', `<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr>${textRun(title, '')}</w:p>`);
}

export function emptyHeaderXml(): string {
  return part('hdr', '<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p>');
}

export function footerXml(pageNumbers: boolean): string {
  const number = pageNumbers ? '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>' : '';
  return part('ftr', `<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>${number}</w:p>`);
}
