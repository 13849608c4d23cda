// Renders Markdown strings through the real parse stage and the HTML emitter.
import { deflateSync } from 'node:zlib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Document } from '../../../src/document.js';
import { toHtml, type HtmlOptions } from '../../../src/emit/html/index.js';
import { parse, type ParseOptions } from '../../../src/parse/index.js';

export interface Rendered {
  html: string;
  document: Document;
  /** Messages the HTML emitter reported, as `line:column ruleId: reason`. */
  messages: string[];
}

export async function render(
  markdown: string,
  options: Partial<HtmlOptions> = {},
  parseOptions: ParseOptions & { path?: string } = {},
): Promise<Rendered> {
  const { path: filePath, ...rest } = parseOptions;
  const document = parse({ path: filePath, value: markdown }, { assets: false, ...rest });
  const html = await toHtml(document, options);
  return { html, document, messages: htmlMessages(document) };
}

export function htmlMessages(document: Document): string[] {
  return document.file.messages
    .filter((m) => m.source === 'galley:html')
    .map((m) => `${m.line ?? '-'}:${m.column ?? '-'} ${m.ruleId}: ${m.reason}`);
}

/** The content of `<main>` of a standalone page. */
export function mainOf(html: string): string {
  const match = /<main>([\s\S]*)<\/main>/.exec(html);
  if (!match) throw new Error('no <main> in the page');
  return match[1] as string;
}

/** A folder with `files` (name → bytes or text), for documents that read images. */
export function folderWith(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'galley-html-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

/** A valid PNG of the given size (grey pixels). */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
