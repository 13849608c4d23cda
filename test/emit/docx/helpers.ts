// Test helpers for the DOCX emitter: emit a document, open the package,
// read it back with an independent reader (pandoc's DOCX reader), and small
// XML tools (pretty printer for goldens, well-formedness check, queries).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Document } from '../../../src/document.js';
import { toDocx, type DocxOptions } from '../../../src/emit/docx/index.js';
import type { ParseOptions } from '../../../src/parse/index.js';
import { parseMarkdown } from '../../helpers/parse.js';

/** The output date every test uses (2026-11-29T12:00:00Z). */
export const testDate = new Date(Date.UTC(2026, 10, 29, 12, 0, 0));

export interface Opened {
  bytes: Uint8Array;
  /** Every entry of the zip, by path, in zip order. */
  entries: Record<string, Uint8Array>;
  /** An XML part as text ('' when absent). */
  part(name: string): string;
  /** The body of word/document.xml, without the section properties. */
  body: string;
}

export function open(bytes: Uint8Array): Opened {
  const entries = unzipSync(bytes);
  const decoder = new TextDecoder();
  const part = (name: string) => (entries[name] ? decoder.decode(entries[name]) : '');
  const document = part('word/document.xml');
  const body = document.slice(document.indexOf('<w:body>') + 8, document.lastIndexOf('<w:sectPr>'));
  return { bytes, entries, part, body };
}

export async function emitDocument(document: Document, options: Partial<DocxOptions> = {}, date = testDate): Promise<Opened> {
  return open(await toDocx(document, options, date));
}

/** Markdown → DOCX, opened. */
export async function docxOf(
  markdown: string,
  options: Partial<DocxOptions> = {},
  parseOptions: ParseOptions = {},
): Promise<Opened & { document: Document }> {
  const document = parseMarkdown(markdown, parseOptions);
  return { ...(await emitDocument(document, options)), document };
}

/** Messages the DOCX emitter reported, as `line:column ruleId: reason`. */
export function docxMessages(document: Document): string[] {
  return document.file.messages
    .filter((m) => m.source === 'galley:docx')
    .map((m) => `${m.line ?? '-'}:${m.column ?? '-'} ${m.ruleId}: ${m.reason}`);
}

// ---------------------------------------------------------------------------
// pandoc, the independent reader.

export interface PandocNode {
  t: string;
  c?: unknown;
}

export interface PandocDocument {
  blocks: PandocNode[];
  meta: Record<string, unknown>;
}

/** The document as pandoc's DOCX reader understands it (its JSON AST). */
export function pandocRead(bytes: Uint8Array, format = 'json'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'galley-docx-'));
  try {
    const file = path.join(dir, 'in.docx');
    writeFileSync(file, bytes);
    return execFileSync('pandoc', ['-f', 'docx', '-t', format, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pandocAst(bytes: Uint8Array): PandocDocument {
  return JSON.parse(pandocRead(bytes)) as PandocDocument;
}

/** Every node of a pandoc AST (depth first, document order). */
export function pandocNodes(value: unknown, out: PandocNode[] = []): PandocNode[] {
  if (Array.isArray(value)) for (const item of value) pandocNodes(item, out);
  else if (value && typeof value === 'object') {
    const node = value as PandocNode;
    if (typeof node.t === 'string') out.push(node);
    for (const child of Object.values(node)) pandocNodes(child, out);
  }
  return out;
}

/** The plain text of pandoc inlines (Str, Space, SoftBreak, LineBreak as "\n"). */
export function pandocText(value: unknown): string {
  let text = '';
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const { t, c } = node as PandocNode;
      if (t === 'Str') text += c as string;
      else if (t === 'Space' || t === 'SoftBreak') text += ' ';
      else if (t === 'LineBreak') text += '\n';
      else if (t === 'Code') text += (c as [unknown, string])[1];
      else if (t === 'Math') text += (c as [unknown, string])[1];
      else if (t === 'Note') return;
      else if (c !== undefined) walk(c);
    }
  };
  walk(value);
  return text;
}

// ---------------------------------------------------------------------------
// XML tools.

const token = /<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<[^>]*>|[^<]+/g;

/**
 * A readable form of a generated part, for goldens: one element per line,
 * indented by depth; an element holding only text stays on one line, with
 * the text exactly as written.
 */
export function prettyXml(xml: string): string {
  const tokens = xml.match(token) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (t.startsWith('<?')) {
      lines.push(t);
      continue;
    }
    if (!t.startsWith('<')) {
      if (t.trim()) lines.push(`${'  '.repeat(depth)}${t}`);
      continue;
    }
    if (t.startsWith('</')) {
      depth--;
      lines.push(`${'  '.repeat(depth)}${t}`);
      continue;
    }
    if (t.endsWith('/>')) {
      lines.push(`${'  '.repeat(depth)}${t}`);
      continue;
    }
    const text = tokens[i + 1];
    const close = tokens[i + 2];
    if (text !== undefined && !text.startsWith('<') && close?.startsWith('</')) {
      lines.push(`${'  '.repeat(depth)}${t}${text}${close}`);
      i += 2;
      continue;
    }
    if (text?.startsWith('</')) {
      lines.push(`${'  '.repeat(depth)}${t}${text}`);
      i += 1;
      continue;
    }
    lines.push(`${'  '.repeat(depth)}${t}`);
    depth++;
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Problems that make XML ill-formed, as an XML parser would see them: tags
 * that do not nest, unquoted or duplicate attributes, undeclared prefixes,
 * bad references, characters XML 1.0 forbids, markup characters in text.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) problems.push('forbidden character');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml)) problems.push('lone surrogate');
  const stack: Array<{ name: string; prefixes: Set<string> }> = [];
  const declared = () => new Set(stack.flatMap((entry) => [...entry.prefixes]));
  let root = 0;
  for (const t of xml.replace(/^<\?xml[^>]*\?>\s*/, '').match(token) ?? []) {
    if (t.startsWith('<?') || t.startsWith('<!--')) continue;
    if (!t.startsWith('<')) {
      if (stack.length === 0 && t.trim()) problems.push(`text outside the root: ${t.slice(0, 20)}`);
      if (t.includes('>') && /]]>/.test(t)) problems.push('"]]>" in text');
      for (const ref of t.match(/&[^;\s]*;?/g) ?? []) if (!/^&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(ref)) problems.push(`bad reference ${ref}`);
      continue;
    }
    const match = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>$/.exec(t);
    if (!match) {
      problems.push(`malformed tag ${t.slice(0, 60)}`);
      continue;
    }
    const [, close, name, attributes, selfClosing] = match as unknown as [string, string, string, string, string];
    if (close) {
      const open = stack.pop();
      if (open?.name !== name) problems.push(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const names = new Set<string>();
    const prefixes = new Set<string>();
    for (const attribute of attributes.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*("[^"]*"|'[^']*')/g)) {
      const attributeName = attribute[1] as string;
      if (names.has(attributeName)) problems.push(`duplicate attribute ${attributeName} on <${name}>`);
      names.add(attributeName);
      if (attributeName.startsWith('xmlns:')) prefixes.add(attributeName.slice(6));
      for (const ref of (attribute[2] as string).match(/&[^;\s"']*;?/g) ?? []) {
        if (!/^&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(ref)) problems.push(`bad reference ${ref}`);
      }
    }
    stack.push({ name, prefixes });
    const known = declared();
    known.add('xml');
    for (const used of [name, ...names]) {
      const prefix = used.includes(':') ? used.slice(0, used.indexOf(':')) : undefined;
      if (prefix && prefix !== 'xmlns' && !known.has(prefix)) problems.push(`undeclared prefix ${prefix} in <${name}>`);
    }
    if (stack.length === 1) root++;
    if (selfClosing) stack.pop();
  }
  if (stack.length) problems.push(`unclosed <${stack.map((e) => e.name).join('>, <')}>`);
  if (root !== 1) problems.push(`${root} root elements`);
  return problems;
}

/** Values of an attribute on every element with that name, in order. */
export function attributeValues(xml: string, element: string, attribute: string): string[] {
  const values: string[] = [];
  const pattern = new RegExp(`<${element.replace(':', '\\:')}\\b[^>]*?\\s${attribute.replace(':', '\\:')}="([^"]*)"`, 'g');
  for (const match of xml.matchAll(pattern)) values.push(match[1] as string);
  return values;
}

/** The paragraphs of some XML, each with its style id and its text. */
export function paragraphs(xml: string): Array<{ style: string | undefined; text: string; xml: string }> {
  const result: Array<{ style: string | undefined; text: string; xml: string }> = [];
  for (const match of xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p\/>/g)) {
    const inner = match[1] ?? '';
    const style = /<w:pStyle w:val="([^"]*)"\/>/.exec(inner)?.[1];
    result.push({ style, text: runText(inner), xml: match[0] });
  }
  return result;
}

/** The text of runs (`w:t`, tabs and breaks as \t and \n), entities decoded. */
export function runText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
    if (match[0] === '<w:tab/>') text += '\t';
    else if (match[0] === '<w:br/>') text += '\n';
    else text += decode(match[1] as string);
  }
  return text;
}

export function decode(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}
