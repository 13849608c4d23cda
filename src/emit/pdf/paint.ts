// The paint step: pages of positioned operations → PDF bytes. The only
// code that imports pdfkit (here and the paint-*.ts, catalog.ts helpers,
// which get its document). pdfkit is the pen: it writes the file structure,
// embeds fonts (subset here, subset.ts), images (paint-images.ts), links and
// destinations; text, rules and fills are written here as content operators
// (text-content.ts), each inside the marked content of its structure
// element or as an artifact. The structure tree, the outline and the PDF/A
// output intent are written at the end (catalog.ts), the bytes gathered by
// paint-output.ts. pdfkit's internals in use are listed in pdfkit-doc.ts.
import { Buffer } from 'node:buffer';
import PDFDocument from 'pdfkit';
import type { Asset } from '../../document.js';
import { annotationParent, destinationName, sortNamesBytewise, writeOutline, writeOutputIntent, writeStructure, type OutlineItem } from './catalog.js';
import type { Face } from './fonts.js';
import { topOfDocument, type LinkTarget, type Page, type PaintRun, type StructNode } from './model.js';
import type { PdfaLevel } from './options.js';
import { drawSvg, embeddedData, loadSvgToPdf, openImage, type SvgToPdf } from './paint-images.js';
import { collectOutput, compressContent } from './paint-output.js';
import type { Doc, PdfImage, Ref } from './pdfkit-doc.js';
import { Tagging } from './tagging.js';
import { num, rgb, textContent, type EmbeddedFace, type Marker } from './text-content.js';
import { xmpDescriptions, type DocumentInfo } from './xmp.js';

export { destinationName, type OutlineItem } from './catalog.js';

export interface PaintInfo extends DocumentInfo {
  /** CreationDate and ModDate (SOURCE_DATE_EPOCH); the current time when absent. */
  date?: Date;
}

export interface PaintInput {
  pages: readonly Page[];
  width: number;
  height: number;
  face(id: string): Face;
  /** The face SVG text is drawn with. */
  svgFace(bold: boolean, italic: boolean): Face;
  assets: Readonly<Record<string, Asset>>;
  info: PaintInfo;
  /** Bookmarks, in document order (the viewer opens with them shown). */
  outline?: readonly OutlineItem[];
  /** The structure tree: when given, a tagged PDF. */
  structure?: StructNode;
  pdfa?: PdfaLevel;
  /** Called for each image or SVG that could not be drawn (its alt text says what it was). */
  problem(reason: string): void;
}

export async function paint(input: PaintInput): Promise<Uint8Array> {
  const { info } = input;
  const date = info.date ?? new Date();
  const pdfInfo: Record<string, unknown> = {
    Title: info.title,
    Creator: info.creator,
    Producer: info.producer,
    CreationDate: date,
    ModDate: date,
  };
  if (info.author) pdfInfo.Author = info.author;
  if (info.subject) pdfInfo.Subject = info.subject;
  if (info.keywords) pdfInfo.Keywords = info.keywords;
  const tagged = input.structure !== undefined;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [input.width, input.height],
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    lang: info.lang,
    displayTitle: true,
    tagged,
    info: pdfInfo as PDFKit.DocumentInfo,
    // No default font: pdfkit would otherwise load Helvetica, which is never embedded.
    font: null as unknown as string,
  } as PDFKit.PDFDocumentOptions) as unknown as Doc;
  const output = collectOutput(doc);
  const pdfa = input.pdfa ? { part: Number(input.pdfa.charAt(6)), conformance: input.pdfa.charAt(7) } : undefined;
  doc._addInfo = () => doc.appendXML(xmpDescriptions({ ...info, date, ...(pdfa ? { pdfa } : {}) }));
  sortNamesBytewise(doc);

  const fonts = new Map<string, EmbeddedFace>();
  const embedded = (faceId: string): EmbeddedFace => {
    let font = fonts.get(faceId);
    if (!font) {
      font = embed(doc, input.face(faceId));
      fonts.set(faceId, font);
    }
    return font;
  };
  const images = new Map<string, PdfImage | undefined>();
  const destinations = new Set<string>();
  let svgToPdf: SvgToPdf | undefined;
  const height = input.height;

  const tagging = new Tagging<Ref>();
  let mcid = 0;
  /** Opens marked content for `node` on this page (an artifact when undefined). */
  const open = (node: StructNode | undefined): string => {
    if (!node) return '/Artifact BMC';
    const id = mcid++;
    if (id === 0) void doc.page.structParentTreeKey;
    tagging.content(node, doc.page.dictionary, id);
    return `/${node.role} <</MCID ${id}>> BDC`;
  };
  const marker: Marker | undefined = tagged ? { key: (run: PaintRun) => tagging.runNode(run) ?? null, open: (run: PaintRun) => open(tagging.runNode(run)) } : undefined;
  // A page's content is gathered and written in one piece (pdfkit's drawing calls flush it first).
  let pending: string[] = [];
  const write = (content: string) => pending.push(content);
  const flush = () => {
    if (pending.length === 0) return;
    doc.addContent(Buffer.from(`${pending.join('\n')}\n`, 'latin1') as unknown as string);
    pending = [];
  };
  // The marked-content sequence open around whole operations: an artifact, or the content of one
  // element, kept open from one line of a paragraph to the next (one MCID per block and page).
  let sequence: StructNode | 'artifact' | undefined;
  const close = () => {
    if (sequence !== undefined) write('EMC');
    sequence = undefined;
  };
  const enter = (target: StructNode | 'artifact') => {
    if (sequence === target) return;
    close();
    write(target === 'artifact' ? '/Artifact BMC' : open(target));
    sequence = target;
  };
  const raw = (content: string) => {
    if (tagged) enter('artifact');
    write(content);
  };

  for (const page of input.pages) {
    doc.addPage({ size: [input.width, input.height], margin: 0 });
    if (page === input.pages[0]) doc.addNamedDestination(destinationName(topOfDocument), 'XYZ', 0, input.height, null);
    mcid = 0;
    const pageFonts = new Set<EmbeddedFace>();
    const fontOnPage = (faceId: string) => {
      const font = embedded(faceId);
      if (!pageFonts.has(font)) {
        pageFonts.add(font);
        doc.page.fonts[font.name] = fontRefs.get(font);
      }
      return font;
    };
    for (const item of page.items) {
      const dy = item.y;
      for (const op of item.ops) {
        switch (op.op) {
          case 'rect':
            raw(`${rgb(op.fill)} rg\n${num(op.x)} ${num(op.y + dy)} ${num(op.w)} ${num(op.h)} re\nf`);
            break;
          case 'line':
            raw(`${num(op.width)} w\n${rgb(op.color)} RG\n${num(op.x1)} ${num(op.y1 + dy)} m\n${num(op.x2)} ${num(op.y2 + dy)} l\nS`);
            break;
          case 'text': {
            // A line whose runs all belong to one element (or are all artifacts) joins the open sequence.
            const node = tagged ? sameNode(op.runs, tagging) : undefined;
            if (node !== undefined) enter(node);
            else close();
            write(textContent(op, dy, height, fontOnPage, node === undefined ? marker : undefined));
            break;
          }
          case 'object': {
            close();
            const node = op.tag && op.role ? tagging.inlineNode(op.tag, op.role, op.alt) : op.tag;
            if (tagged) write(open(node));
            flush();
            if (op.content.kind === 'image') {
              const key = op.content.key;
              let image = images.get(key);
              if (!images.has(key)) {
                image = openImage(doc, input.assets[key], input.problem);
                images.set(key, image);
              }
              if (image) {
                doc.image(image as never, op.x, op.y + dy, { width: op.w, height: op.h });
                await embeddedData(image);
              }
            } else {
              svgToPdf ??= await loadSvgToPdf();
              drawSvg(doc, svgToPdf, op.content.svg, op.x, op.y + dy, op.w, op.h, input, (face) => embedded(face.id));
            }
            if (tagged) write('EMC');
            break;
          }
          case 'link': {
            const structParent = tagged && op.tag ? annotationParent(doc, tagging, tagging.linkNode(op.tag, op.target)) : undefined;
            // The action inside the annotation (pdfkit's link() and goTo() make it an object of its own).
            const action = 'url' in op.target ? { S: 'URI', URI: new String(op.target.url) } : { S: 'GoTo', D: new String(destinationName(op.target.dest)) };
            doc.annotate(op.x, op.y + dy, op.w, op.h, { Subtype: 'Link', A: action, Contents: new String(linkDescription(op.target)), ...(structParent ? { structParent } : {}) } as never);
            break;
          }
          case 'dest':
            if (!destinations.has(op.name)) {
              destinations.add(op.name);
              doc.addNamedDestination(destinationName(op.name), 'XYZ', 0, Math.max(op.y + dy - 4, 0), null);
            }
            break;
          case 'pageRef':
            break;
        }
      }
    }
    close();
    flush();
    compressContent(doc);
  }
  if (input.pages.length === 0) doc.addPage({ size: [input.width, input.height], margin: 0 });
  if (input.outline && input.outline.length > 0) writeOutline(doc, input.outline);
  if (input.structure) writeStructure(doc, tagging, input.structure);
  if (pdfa) writeOutputIntent(doc);
  doc.end();
  return new Uint8Array(Buffer.concat(await output.done));

  function embed(document: Doc, face: Face): EmbeddedFace {
    // The font's own tables where galley reads them (font-program.ts: subset from the bytes), else fontkit's font.
    document.registerFont(face.id, face.program as unknown as string);
    document.font(face.id);
    // pdfkit hands out one embedded font per PostScript name: a slanted face shares its upright's subset.
    const font = document._font;
    const gids = new Map<number, number>();
    const result: EmbeddedFace = {
      name: font.id,
      face,
      words: new Map(),
      include(glyph, natural, codePoints) {
        let gid = gids.get(glyph);
        if (gid === undefined) {
          gid = font.subset.includeGlyph(glyph);
          gids.set(glyph, gid);
          font.widths[gid] ??= natural * font.scale;
          font.unicode[gid] ??= codePoints as number[];
        }
        return gid;
      },
    };
    font.galley ??= result;
    fontRefs.set(result, font.ref());
    return result;
  }
}

/** The one element all the runs' content belongs to ('artifact' when none has one), or undefined when they differ. */
function sameNode(runs: readonly PaintRun[], tagging: Tagging<Ref>): StructNode | 'artifact' | undefined {
  let found: StructNode | 'artifact' | undefined;
  for (const run of runs) {
    const node = tagging.runNode(run) ?? 'artifact';
    if (found === undefined) found = node;
    else if (found !== node) return undefined;
  }
  return found ?? 'artifact';
}

/** Font resources by embedded face (a slanted face shares its upright's font object). */
const fontRefs = new WeakMap<EmbeddedFace, unknown>();

/** What a link annotation says it does (PDF/UA asks for a description). */
function linkDescription(target: LinkTarget): string {
  return 'url' in target ? target.url : `#${target.dest}`;
}
