// Writing the file: pdfkit's output gathered in large pieces, and page
// content compressed faster than pdfkit would.
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import type { Doc } from './pdfkit-doc.js';

/**
 * The file's bytes, gathered directly: pdfkit writes every object as three
 * or four strings, each converted to bytes by a JavaScript loop and pushed
 * through its stream; here text is kept as text and turned into bytes in
 * large pieces (the offsets pdfkit keeps for the cross-reference table
 * count the same bytes). Resolves when pdfkit ends the file.
 */
export function collectOutput(doc: Doc): { done: Promise<Buffer[]> } {
  const internals = doc as unknown as { _write(data: string | Uint8Array): void; _offset: number; push(chunk: unknown): boolean; read(): Buffer | null };
  // The header, written by pdfkit's constructor.
  const head = internals.read();
  const out: Buffer[] = head ? [head] : [];
  let text = '';
  const flush = () => {
    if (text) out.push(Buffer.from(text, 'latin1'));
    text = '';
  };
  internals._write = (data) => {
    if (typeof data === 'string') {
      text += `${data}\n`;
      internals._offset += data.length + 1;
      return;
    }
    flush();
    out.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    internals._offset += data.byteLength;
  };
  const done = new Promise<Buffer[]>((resolve) => {
    const push = internals.push.bind(doc);
    internals.push = (chunk) => {
      if (chunk !== null) return push(chunk);
      flush();
      resolve(out);
      return push(null);
    };
  });
  return { done };
}

/**
 * Compresses the page's content stream here, faster than pdfkit would
 * (zlib level 3 rather than 6: a third of the time, files a tenth larger).
 */
export function compressContent(doc: Doc): void {
  const content = (doc.page as unknown as { content: { buffer: Uint8Array[]; compress: boolean; data: Record<string, unknown> } }).content;
  if (!content.compress || content.buffer.length === 0) return;
  const data = Buffer.concat(content.buffer);
  content.buffer = [deflateSync(data, { level: 3 })];
  content.compress = false;
  content.data.Filter = 'FlateDecode';
  content.data.Length = content.buffer[0]?.length ?? 0;
}
