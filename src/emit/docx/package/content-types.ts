// `[Content_Types].xml`: the media type of every part in the package.
import { declaration } from '../xml.js';

const defaults: Record<string, string> = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
};

const wordprocessing = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

export const partTypes = {
  document: `${wordprocessing}.document.main+xml`,
  styles: `${wordprocessing}.styles+xml`,
  numbering: `${wordprocessing}.numbering+xml`,
  settings: `${wordprocessing}.settings+xml`,
  fontTable: `${wordprocessing}.fontTable+xml`,
  footnotes: `${wordprocessing}.footnotes+xml`,
  header: `${wordprocessing}.header+xml`,
  footer: `${wordprocessing}.footer+xml`,
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;

export interface PartEntry {
  /** Path in the package without the leading slash. */
  path: string;
  type: string;
}

/** Extensions of media files present, and the XML parts with their types. */
export function contentTypesXml(mediaExtensions: readonly string[], parts: readonly PartEntry[]): string {
  const extensions = ['rels', 'xml', ...[...new Set(mediaExtensions)].sort()];
  let xml = `${declaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`;
  for (const extension of extensions) {
    const type = defaults[extension];
    if (type) xml += `<Default Extension="${extension}" ContentType="${type}"/>`;
  }
  for (const part of parts) xml += `<Override PartName="/${part.path}" ContentType="${part.type}"/>`;
  return `${xml}</Types>`;
}
