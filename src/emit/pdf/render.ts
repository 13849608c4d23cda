// mdast → boxes (handlers) → pages (layout) → bytes (paint). Imported
// lazily by the emitter, so that other formats never load pdfkit, fontkit
// or the highlighter; the highlighter is loaded only for documents with code
// in a named language, MathJax only for documents with math.
import type { Definition, FootnoteDefinition, Root } from 'mdast';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { galleyData, type Document } from '../../document.js';
import { labelsFor } from '../../i18n.js';
import { createGate, GateError } from '../../io/gate.js';
import { resolveLayout } from '../../theme/layout.js';
import { version } from '../../version.js';
import { FontSet, userFace, type Face } from './fonts.js';
import { defaultHandlers, unknownHandler } from './handlers/index.js';
import { layoutDocument } from './layout.js';
import type { Block, Inline, Page } from './model.js';
import type { PdfOptions } from './options.js';
import { paint } from './paint.js';
import { createState, type Context } from './state.js';

export interface Rendered {
  pages: Page[];
  bytes: Uint8Array;
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

  const state = createState({
    file,
    data,
    theme,
    labels: labelsFor(data.meta.lang),
    options,
    handlers: { ...defaultHandlers, ...options.handlers },
    unknownHandler: options.unknownHandler ?? unknownHandler,
    ...(highlightLines ? { highlightLines } : {}),
    ...(texToSvg ? { texToSvg } : {}),
    footnoteDefinitions: scan.footnotes,
    definitions: scan.definitions,
    destinations: scan.destinations,
  });
  const body = theme.roles.body;
  const context: Context = {
    style: state.style('body'),
    paragraphRole: 'body',
    align: options.align,
    tight: false,
    listDepth: 0,
  };
  const blocks = state.one(tree, undefined, context).filter((content): content is Block => 'role' in content);

  const footerStyle = { ...state.style('caption'), italic: false, size: Math.max(body.size - 2, 6) };
  const showNumbers = options.pageNumbers && data.meta.layout.footer !== false;
  const pages = layoutDocument(blocks, {
    geometry: { width: layout.size.width, height: layout.size.height, margins: layout.margins },
    metrics: fonts,
    ...(showNumbers ? { footer: (page: number): Inline[] => [{ kind: 'text', text: String(page), style: footerStyle }] } : {}),
  });

  if (fonts.missing.size > 0) {
    const list = [...fonts.missing].sort((a, b) => a - b);
    const shown = list.slice(0, 20).map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(cp)}`);
    warn(
      `${list.length} character${list.length === 1 ? '' : 's'} no font covers ${list.length === 1 ? 'is' : 'are'} drawn as empty boxes: ${shown.join(', ')}${list.length > 20 ? ', …' : ''}; add a font that covers ${list.length === 1 ? 'it' : 'them'} (pdf.fonts)`,
      'missing-glyphs',
    );
  }

  const { meta } = data;
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
    problem: (reason) => warn(reason, 'image-format'),
  });
  return { pages, bytes };
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
      const reason = error instanceof GateError ? error.message : `"${file}" is not a usable font: ${(error as Error).message}`;
      warn(`${reason}; the font is not used`, 'font');
    }
  });
  return faces;
}


