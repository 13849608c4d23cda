// The DOCX emitter: a Word document with named styles, real lists,
// footnotes, equations and a table of contents, byte-identical from run to
// run for the same output date. The renderer is imported on first use, so
// that starting galley for other formats loads none of it.
import type { Document } from '../../document.js';
import type { BinaryEmitter } from '../types.js';
import { resolveDocxOptions, type DocxOptions } from './options.js';

export { defaultDocxOptions, resolveDocxOptions } from './options.js';
export type { DocxOptions } from './options.js';
export type { Context, DocxState, Handler, Handlers, Marks } from './state.js';

export const docxEmitter: BinaryEmitter = {
  name: 'docx',
  extension: 'docx',
  kind: 'binary',
  description: 'a Word document with named styles, real lists, footnotes and equations',
  emit(document, options) {
    return toDocx(document, options.docx as Partial<DocxOptions> | undefined, options.date);
  },
};

/**
 * The document as DOCX bytes. `date` is written into the core properties and
 * the zip entries (default: now; pass the SOURCE_DATE_EPOCH date for
 * reproducible files).
 */
export async function toDocx(document: Document, options?: Partial<DocxOptions>, date: Date = new Date()): Promise<Uint8Array> {
  const { renderDocx } = await import('./render.js');
  return renderDocx(document, resolveDocxOptions(options), date);
}
