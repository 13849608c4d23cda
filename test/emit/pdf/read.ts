// Reading PDFs back with independent tools: pdf.js (text, links,
// destinations, metadata), qpdf (structure) and pdffonts (embedding).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from '../../../src/parse/index.js';
import type { Document } from '../../../src/document.js';
import { toPdf, type PdfOptions } from '../../../src/emit/pdf/index.js';
import { encodePng } from '../../helpers/png.js';

export interface ReadPage {
  /** Text lines of the page's body, top to bottom (items grouped by baseline), without running head and footer. */
  lines: string[];
  /** Lines that are artifacts (no structure element), top to bottom: running head, footer, leaders, repeated table headers. */
  artifacts: string[];
  /** The running head (a small artifact in the top margin). */
  header?: string;
  /** The footer (a small artifact in the bottom margin: "Page 3 of 12"). */
  footer?: string;
  links: Array<{ url?: string; dest?: string; rect: number[] }>;
}

export interface ReadPdf {
  numPages: number;
  pages: ReadPage[];
  info: Record<string, unknown>;
  destinations: string[];
  /** Each named destination's page (1-based). */
  destinationPages: Map<string, number>;
  /** Bookmarks: title, destination, nesting. */
  outline: Array<{ title: string; dest: string | undefined; depth: number }>;
  /** The structure tree of each page (pdf.js), roles and alt texts. */
  structure: StructElement[];
}

export interface StructElement {
  role: string;
  alt?: string;
  children: StructElement[];
}

interface LineItem {
  x: number;
  str: string;
  artifact: boolean;
  size: number;
}

export async function readPdf(bytes: Uint8Array, options: { structure?: boolean } = {}): Promise<ReadPdf> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: ReadPage[] = [];
  const structure: StructElement[] = [];
  const pageRefs: string[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    pageRefs.push(`${page.ref?.num}:${page.ref?.gen}`);
    const pageHeight = page.view[3] as number;
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byLine = new Map<number, LineItem[]>();
    let depth = 0;
    let artifactDepth = -1;
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          depth++;
          if ((item as { tag?: string }).tag === 'Artifact' && artifactDepth < 0) artifactDepth = depth;
        } else if (item.type === 'endMarkedContent') {
          if (depth === artifactDepth) artifactDepth = -1;
          depth--;
        }
        continue;
      }
      if (!('str' in item) || item.str === '') continue;
      const y = Math.round(item.transform[5] as number);
      // Superscripts and subscripts belong to their line.
      const key = [...byLine.keys()].find((known) => Math.abs(known - y) <= 5) ?? y;
      const line = byLine.get(key) ?? [];
      line.push({ x: item.transform[4] as number, str: item.str, artifact: artifactDepth >= 0, size: Math.abs(item.transform[3] as number) });
      byLine.set(key, line);
    }
    const read: ReadPage = { lines: [], artifacts: [], links: [] };
    for (const [y, items] of [...byLine.entries()].sort((a, b) => b[0] - a[0])) {
      const text = items.sort((a, b) => a.x - b.x).map((item) => item.str).join('').replace(/\s+$/, '');
      const artifact = items.every((item) => item.artifact);
      if (artifact) read.artifacts.push(text);
      // Running heads and footers: small artifacts in the top or bottom margin.
      const furniture = artifact && items.every((item) => item.size < 9);
      if (furniture && y > pageHeight * 0.88 && read.header === undefined) read.header = text;
      else if (furniture && y < pageHeight * 0.12) read.footer = text;
      else read.lines.push(text);
    }
    const annotations = await page.getAnnotations();
    read.links = annotations
      .filter((annotation) => annotation.subtype === 'Link')
      .map((annotation) => ({
        ...(annotation.url ? { url: annotation.url as string } : {}),
        ...(typeof annotation.dest === 'string' ? { dest: annotation.dest } : {}),
        rect: annotation.rect as number[],
      }));
    pages.push(read);
    if (options.structure) {
      const tree = (await page.getStructTree()) as unknown as RawStruct | null;
      if (tree) structure.push(...simplify(tree).children);
    }
  }
  const metadata = await doc.getMetadata();
  const named = (await doc.getDestinations()) as Record<string, Array<{ num: number; gen: number }>>;
  const destinationPages = new Map<string, number>();
  for (const [name, dest] of Object.entries(named)) {
    const ref = dest?.[0];
    if (ref) destinationPages.set(name, pageRefs.indexOf(`${ref.num}:${ref.gen}`) + 1);
  }
  const outline: ReadPdf['outline'] = [];
  const walk = (items: Array<{ title: string; dest: unknown; items?: unknown[] }> | null, depth: number) => {
    for (const item of items ?? []) {
      outline.push({ title: item.title, dest: typeof item.dest === 'string' ? item.dest : undefined, depth });
      walk(item.items as typeof items, depth + 1);
    }
  };
  walk((await doc.getOutline()) as Parameters<typeof walk>[0], 0);
  await doc.destroy();
  return { numPages: doc.numPages, pages, info: metadata.info as Record<string, unknown>, destinations: Object.keys(named), destinationPages, outline, structure };
}

interface RawStruct {
  role?: string;
  alt?: string;
  type?: string;
  children?: RawStruct[];
}

/** pdf.js's structure tree, without the content references. */
function simplify(node: RawStruct): StructElement {
  const children = (node.children ?? []).filter((child) => child.role !== undefined).map(simplify);
  return { role: node.role ?? 'Root', ...(node.alt !== undefined ? { alt: node.alt } : {}), children };
}

function withTempFile<T>(bytes: Uint8Array, run: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'galley-pdf-'));
  const file = path.join(dir, 'out.pdf');
  writeFileSync(file, bytes);
  try {
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `qpdf --check`: throws with qpdf's output when it finds a problem. */
export function qpdfCheck(bytes: Uint8Array): string {
  return withTempFile(bytes, (file) => execFileSync('qpdf', ['--check', file], { encoding: 'utf8' }));
}

/** `pdffonts`: one row per font with its name and whether it is embedded, subset, and has a ToUnicode map. */
export function pdfFonts(bytes: Uint8Array): Array<{ name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean }> {
  const output = withTempFile(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return output
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      const [emb, sub, uni] = columns.slice(-5, -2);
      return { name: columns[0] as string, type: columns.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
    });
}

export const fixedDate = new Date(Date.UTC(2026, 10, 29, 12, 0, 0));

/** A document from Markdown text (images resolved against `root` when given). */
export function documentOf(markdown: string, root?: string): Document {
  return parse({ path: path.join(root ?? tmpdir(), 'test.md'), value: markdown }, root ? { root } : { assets: false });
}

export function fixtureDocument(name: string): Document {
  const folder = path.join(fixturesDir, name);
  const input = path.join(folder, 'input.md');
  return parse({ path: input, value: readFileSync(input) }, { root: folder });
}

export const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export async function pdfOf(document: Document, options: Partial<PdfOptions> = {}): Promise<Uint8Array> {
  const bytes = await toPdf(document, options, fixedDate);
  qpdfCheck(bytes);
  return bytes;
}

export function pdfMessages(document: Document): string[] {
  return document.file.messages
    .filter((message) => message.source === 'galley:pdf')
    .map((message) => `${message.line ?? '-'}:${message.column ?? '-'} [${message.ruleId}] ${message.reason}`);
}

/** A valid RGB PNG of `width` × `height` pixels (a gradient), made here so tests need no files. */
export function makePng(width: number, height: number): Buffer {
  return encodePng(width, height, 3, (x, y) => [(x * 255) / Math.max(width - 1, 1), (y * 255) / Math.max(height - 1, 1), 160]);
}
