// mdast → boxes (handlers) → structure tree → pages (layout) → page
// furniture → bytes (paint). Imported lazily by the emitter, so that other
// formats never load pdfkit, fontkit or the highlighter; the highlighter is
// loaded only for documents with code in a named language, MathJax only for
// documents with math, hyphenation patterns only when a line needs them.
import type { Definition, FootnoteDefinition, Root } from 'mdast';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { galleyData, type Document, type GalleyData } from '../../document.js';
import { labelsFor, type Labels } from '../../i18n.js';
import { createGate, GateError } from '../../io/gate.js';
import { resolveLayout } from '../../theme/layout.js';
import { defaultPrintStyle } from '../../theme/theme.js';
import { version } from '../../version.js';
import { FontSet, userFace, type Face } from './fonts.js';
import { addFurniture } from './furniture.js';
import { footnoteBlocks } from './handlers/footnotes.js';
import { defaultHandlers, unknownHandler } from './handlers/index.js';
import { hyphenatorFor } from './hyphenate.js';
import { destinations, layoutDocument } from './layout.js';
import { fill, numberFormatter } from './locale.js';
import type { Block, Page, StructNode } from './model.js';
import { pdfaLevels, type PdfOptions } from './options.js';
import { paint, type OutlineItem } from './paint.js';
import { createState, type Context } from './state.js';
import { structNode, structure } from './structure.js';

export interface Rendered {
  pages: Page[];
  bytes: Uint8Array;
  /** The structure tree the PDF is tagged with. */
  structure: StructNode;
  outline: OutlineItem[];
}

export async function renderPdf(document: Document, options: PdfOptions, date: Date | undefined): Promise<Uint8Array> {
  return (await renderPdfWithPages(document, options, date)).bytes;
}

/** The PDF and the pages it was painted from (for tests and tools). */
export async function renderPdfWithPages(document: Document, options: PdfOptions, date: Date | undefined): Promise<Rendered> {
  const { tree, file } = document;
  const data = galleyData(file);
  const warn = (reason: string, ruleId: string, place?: Root['position']) => file.message(reason, { place, ruleId, source: 'galley:pdf' });
  const frontMatter = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;

  const layout = resolveLayout(data.meta.layout, options.theme);
  for (const problem of layout.problems) warn(`"${problem.key}": ${problem.reason}`, 'layout', frontMatter?.position);
  const theme = layout.theme;

  const scan = scanTree(tree);
  const highlightLines = scan.code ? (await import('../../highlight/index.js')).highlightLines : undefined;
  const texToSvg = scan.math ? (await import('./math-svg.js')).texToSvg : undefined;

  const userFaces = loadUserFonts(options, warn);
  const fonts = new FontSet({ theme, userFaces });
  for (const family of fonts.unknownFamilies) warn(`font family "${family}" is not bundled with galley; its default family is used`, 'font');

  const labels = labelsFor(data.meta.lang);
  const state = createState({
    file,
    data,
    theme,
    labels,
    options,
    handlers: { ...defaultHandlers, ...options.handlers },
    unknownHandler: options.unknownHandler ?? unknownHandler,
    ...(highlightLines ? { highlightLines } : {}),
    ...(texToSvg ? { texToSvg } : {}),
    footnoteDefinitions: scan.footnotes,
    definitions: scan.definitions,
    destinations: scan.destinations,
  });
  const context: Context = {
    style: state.style('body'),
    paragraphRole: 'body',
    align: options.align,
    tight: false,
    listDepth: 0,
  };
  const blocks = state.one(tree, undefined, context).filter((content): content is Block => 'role' in content);
  const notes = footnoteBlocks(state, context);
  const documentNode = structure(blocks);
  for (const note of notes.values()) detachedStructure(note);

  const { meta } = data;
  const formatNumber = numberFormatter(meta.lang);
  const geometry = { width: layout.size.width, height: layout.size.height, margins: layout.margins };
  const hyphenate = options.hyphenate ? hyphenatorFor(meta.lang) : undefined;
  const pages = layoutDocument(blocks, {
    geometry,
    metrics: fonts,
    notes,
    noteRule: { color: theme.colors.rule, width: 0.6 },
    ...(hyphenate ? { hyphenate } : {}),
    formatNumber,
  });
  // Notes the layout could not attach after a block that calls them go to the end of the document.
  for (const note of notes.values()) {
    if (note.struct && !note.struct.parent) {
      note.struct.parent = documentNode;
      documentNode.children.push(note.struct);
    }
  }
  const where = destinations(pages);
  const print = theme.print ?? defaultPrintStyle;
  // Front matter `header` and `footer` decide first, then the options.
  const heads = runningHeads(pages, data, where, print.runningHead, meta.layout.header ?? options.header);
  const total = pages.length;
  const showNumbers = (meta.layout.footer ?? options.pageNumbers) && print.pageNumber !== 'none';
  addFurniture(pages, geometry, fonts, {
    style: { ...state.style('caption'), italic: false, size: Math.max(theme.roles.body.size - 2.5, 6) },
    rule: { color: theme.colors.rule, width: 0.5 },
    header: (number) => heads[number - 1],
    ...(showNumbers ? { footer: (number: number) => pageFooter(number, total, print.pageNumber, labels, formatNumber) } : {}),
  });

  if (fonts.missing.size > 0) {
    const list = [...fonts.missing].sort((a, b) => a - b);
    const shown = list.slice(0, 20).map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(cp)}`);
    warn(
      `${list.length} character${list.length === 1 ? '' : 's'} no font covers ${list.length === 1 ? 'is' : 'are'} drawn as empty boxes: ${shown.join(', ')}${list.length > 20 ? ', …' : ''}; add a font that covers ${list.length === 1 ? 'it' : 'them'} (pdf.fonts)`,
      'missing-glyphs',
    );
  }

  const pdfa = options.pdfa && (pdfaLevels as readonly string[]).includes(options.pdfa) ? options.pdfa : undefined;
  if (options.pdfa && !pdfa) warn(`PDF/A level "${String(options.pdfa)}" is not one galley writes (${pdfaLevels.join(', ')}); a plain PDF is written`, 'pdfa');
  const outline = data.outline.filter((entry) => where.has(entry.id)).map((entry) => ({ title: entry.text, dest: entry.id, depth: entry.depth }));
  const authors = meta.authors.map((author) => author.name).join(', ');
  const bytes = await paint({
    pages,
    width: layout.size.width,
    height: layout.size.height,
    face: (id) => fonts.face(id),
    svgFace: (bold, italic) => fonts.primary({ font: 'sans', bold, italic }),
    assets: data.assets,
    info: {
      title: meta.title,
      ...(authors ? { author: authors } : {}),
      ...(meta.description ? { subject: meta.description } : {}),
      ...(meta.keywords.length > 0 ? { keywords: meta.keywords.join(', ') } : {}),
      creator: `galley ${version}`,
      producer: `galley ${version} (PDFKit)`,
      ...(date ? { date } : {}),
      lang: meta.lang,
    },
    outline,
    ...(options.tagged || pdfa?.endsWith('a') ? { structure: documentNode } : {}),
    ...(pdfa ? { pdfa } : {}),
    problem: (reason) => warn(reason, 'image-format'),
  });
  return { pages, bytes, structure: documentNode, outline };
}

/** A note's structure, outside the tree until the layout attaches it after the block that calls it. */
function detachedStructure(note: Block): void {
  const holder = structNode('Div');
  structure([note], holder);
  for (const child of holder.children) delete child.parent;
}

function pageFooter(number: number, total: number, format: 'page-of-total' | 'number' | 'none', labels: Labels, formatNumber: (n: number) => string): string | undefined {
  if (format === 'none') return undefined;
  if (format === 'number') return formatNumber(number);
  return fill(labels.pageOf, { page: formatNumber(number), total: formatNumber(total) });
}

/**
 * The running header of each page: nothing on the first (the title page),
 * else the document title, or the title of the level-1 or level-2 section
 * in force (the first that starts on the page, else the last one before).
 */
function runningHeads(pages: readonly Page[], data: GalleyData, where: ReadonlyMap<string, { page: number }>, mode: 'section' | 'title' | 'none', enabled: boolean): Array<string | undefined> {
  const heads: Array<string | undefined> = pages.map(() => undefined);
  if (!enabled || mode === 'none' || pages.length < 2) return heads;
  const title = data.meta.title;
  if (mode === 'title') return heads.map((_, index) => (index === 0 ? undefined : title));
  const titleHeading = data.meta.titleSource === 'heading' ? (data.outline.find((entry) => entry.depth === 1) ?? data.outline[0])?.id : undefined;
  const firstOnPage = new Map<number, string>();
  const sections = data.outline.filter((entry) => entry.depth <= 2 && entry.id !== titleHeading && where.has(entry.id));
  for (const entry of sections) {
    const page = (where.get(entry.id) as { page: number }).page;
    if (!firstOnPage.has(page)) firstOnPage.set(page, entry.text);
  }
  let current: string | undefined = title;
  let entry = 0;
  for (let index = 0; index < pages.length; index++) {
    const number = index + 1;
    const first = firstOnPage.get(number);
    // The last section started on an earlier page is in force at the top of this one.
    while (entry < sections.length && (where.get((sections[entry] as { id: string }).id) as { page: number }).page < number) {
      current = (sections[entry] as { text: string }).text;
      entry++;
    }
    heads[index] = index === 0 ? undefined : (first ?? current);
  }
  return heads;
}

interface Scan {
  code: boolean;
  math: boolean;
  footnotes: Map<string, FootnoteDefinition>;
  definitions: Map<string, Definition>;
  destinations: Set<string>;
}

/** One walk: what to load, footnote and link definitions, and the ids that become destinations. */
function scanTree(tree: Root): Scan {
  const scan: Scan = { code: false, math: false, footnotes: new Map(), definitions: new Map(), destinations: new Set() };
  visit(tree, (node) => {
    if (node.type === 'code' && node.lang) scan.code = true;
    else if (node.type === 'math' || node.type === 'inlineMath') scan.math = true;
    else if (node.type === 'heading' && node.data?.id) scan.destinations.add(node.data.id);
    else if (node.type === 'footnoteDefinition' && !scan.footnotes.has(node.identifier)) {
      scan.footnotes.set(node.identifier, node);
      scan.destinations.add(`fn-${node.identifier}`);
    } else if (node.type === 'definition' && !scan.definitions.has(node.identifier)) scan.definitions.set(node.identifier, node);
    return undefined;
  });
  return scan;
}

function loadUserFonts(options: PdfOptions, warn: (reason: string, ruleId: string) => void): Face[] {
  if (options.fonts.length === 0) return [];
  const root = path.resolve(options.fontDir ?? '.');
  let gate;
  try {
    gate = createGate(root);
  } catch (error) {
    warn(`font folder "${root}" cannot be used: ${(error as Error).message}`, 'font');
    return [];
  }
  const faces: Face[] = [];
  options.fonts.forEach((file, index) => {
    try {
      const read = gate.read(file, options.maxFontBytes);
      faces.push(userFace(index, read.realPath, new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength)));
    } catch (error) {
      // A parser that trips over missing tables throws TypeError or RangeError: say what that means.
      const detail = error instanceof TypeError || error instanceof RangeError ? 'the file is damaged or truncated' : (error as Error).message;
      const reason = error instanceof GateError ? error.message : `"${file}" is not a usable font: ${detail}`;
      warn(`${reason}; the font is not used`, 'font');
    }
  });
  return faces;
}


