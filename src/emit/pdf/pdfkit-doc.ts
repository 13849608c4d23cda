// pdfkit's document as the paint step sees it: its public API, plus the
// internals galley relies on (the embedded font's subset, widths and code
// points, `page.fonts`, the metadata hook `_addInfo`, the structure and name
// trees). pdfkit is pinned, and the read-back tests break if they move.
import type { Buffer } from 'node:buffer';
import type { EmbeddedFace } from './text-content.js';

/** pdfkit's embedded font, as far as the paint step uses it. */
export interface EmbeddedFont {
  id: string;
  /** Added here: the face as embedded. */
  galley?: EmbeddedFace;
  subset: { includeGlyph(glyph: number): number; encode(): Uint8Array };
  widths: number[];
  unicode: number[][];
  scale: number;
  ref(): unknown;
}

export interface PdfImage {
  width: number;
  height: number;
  /** PNG: set to null once the image's data are written. */
  image?: unknown;
}

export interface Ref {
  data: Record<string, unknown>;
  end(data?: unknown): void;
}

/** pdfkit's document, with the internals the paint step uses. */
export type Doc = Omit<PDFKit.PDFDocument, 'ref' | 'getStructTreeRoot' | 'page'> & {
  _font: EmbeddedFont;
  _root: Ref;
  _addInfo(): void;
  appendXML(xml: string, newline?: boolean): void;
  ref(data?: unknown): Ref;
  openImage(src: Buffer): PdfImage;
  getStructTreeRoot(): Ref;
  getStructParentTree(): { get(key: number): unknown[]; add(key: number, value: unknown): void };
  createStructParentTreeNextKey(): number;
  page: PDFKit.PDFPage & { fonts: Record<string, unknown>; dictionary: Ref; structParentTreeKey: number };
};

