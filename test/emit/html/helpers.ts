// Renders Markdown strings through the real parse stage and the HTML emitter.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Document } from '../../../src/document.js';
import { toHtml, type HtmlOptions } from '../../../src/emit/html/index.js';
import { parse, type ParseOptions } from '../../../src/parse/index.js';
import { encodePng } from '../../helpers/png.js';

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
  return encodePng(width, height, 1, () => [0x80]);
}
