// Document properties: `docProps/core.xml` (title, subject, authors,
// keywords, description, language, dates) and `docProps/app.xml`. Dates come
// from the output timestamp (SOURCE_DATE_EPOCH when set), never the clock of
// this module, and are written to the second.
import type { Meta } from '../../../document.js';
import { version } from '../../../version.js';
import { declaration, text } from '../xml.js';

export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function coreXml(meta: Meta, languageTag: string, date: Date): string {
  const element = (name: string, value: string | undefined) => (value ? `<${name}>${text(value)}</${name}>` : '');
  const stamp = w3cdtf(date);
  return (
    `${declaration}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', meta.title) +
    element('dc:subject', meta.subtitle) +
    element('dc:creator', meta.authors.map((author) => author.name).join('; ')) +
    element('cp:keywords', meta.keywords.join(', ')) +
    element('dc:description', meta.description) +
    element('dc:language', languageTag) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appXml(): string {
  return (
    `${declaration}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>galley ${text(version)}</Application><DocSecurity>0</DocSecurity></Properties>`
  );
}
