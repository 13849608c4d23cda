// Relationship parts (`_rels/.rels`, `word/_rels/document.xml.rels`). The
// only external targets are hyperlinks that passed the URL policy; images
// are always parts inside the package.
import { attr, declaration } from '../xml.js';

export interface RelationshipEntry {
  id: string;
  /** Relationship type URI. */
  type: string;
  target: string;
  external?: boolean;
}

const officeDocument = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const relationshipTypes = {
  officeDocument: `${officeDocument}/officeDocument`,
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  app: `${officeDocument}/extended-properties`,
  styles: `${officeDocument}/styles`,
  numbering: `${officeDocument}/numbering`,
  settings: `${officeDocument}/settings`,
  fontTable: `${officeDocument}/fontTable`,
  footnotes: `${officeDocument}/footnotes`,
  header: `${officeDocument}/header`,
  footer: `${officeDocument}/footer`,
  image: `${officeDocument}/image`,
  hyperlink: `${officeDocument}/hyperlink`,
} as const;

export function relationshipsXml(entries: readonly RelationshipEntry[]): string {
  let xml = `${declaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;
  for (const entry of entries) {
    xml += `<Relationship Id="${entry.id}" Type="${entry.type}" Target="${attr(entry.target)}"${entry.external ? ' TargetMode="External"' : ''}/>`;
  }
  return `${xml}</Relationships>`;
}
