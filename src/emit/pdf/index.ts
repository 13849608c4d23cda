// The PDF emitter: a typeset, paginated PDF with embedded, subset fonts.
// The renderer (pdfkit, fontkit, the layout engine) is imported on first
// use, so that starting galley for other formats does not load it.
import type { Document } from '../../document.js';
import type { BinaryEmitter } from '../types.js';
import { resolvePdfOptions, type PdfOptions } from './options.js';

export { defaultPdfOptions, resolvePdfOptions } from './options.js';
export type { PdfOptions } from './options.js';
export type { Context, Handler, State } from './state.js';

export const pdfEmitter: BinaryEmitter = {
  name: 'pdf',
  extension: 'pdf',
  kind: 'binary',
  description: 'a typeset, paginated PDF with embedded fonts, links and metadata',
  emit(document, options) {
    return toPdf(document, options.pdf as Partial<PdfOptions> | undefined, options.date);
  },
};

/** The document as PDF bytes. With `date` (SOURCE_DATE_EPOCH), the bytes are the same on every run. */
export async function toPdf(document: Document, options?: Partial<PdfOptions>, date?: Date): Promise<Uint8Array> {
  const { renderPdf } = await import('./render.js');
  return renderPdf(document, resolvePdfOptions(options), date);
}
