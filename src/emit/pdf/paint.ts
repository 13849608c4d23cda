// The paint step: pages of positioned operations → PDF bytes. The only
// file that imports pdfkit. pdfkit is the pen: it writes the file structure,
// embeds fonts (subset here, subset.ts), images, links and destinations;
// text, rules and fills are written here as content operators
// (text-content.ts), each inside the marked content of its structure
// element or as an artifact, and the structure tree, the outline, the XMP
// metadata and the PDF/A output intent are written here at the end.
//
// This uses pdfkit internals, on its embedded-font object (the subset, the
// widths and the code points of the glyphs used), `page.fonts`, the
// metadata hook `_addInfo`, and the name tree's key order; pdfkit is
// pinned, and the read-back tests break if they move.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Asset } from '../../document.js';
import type { Face } from './fonts.js';
import { jpegProblem, pngProblem } from './images.js';
import { topOfDocument, type LinkTarget, type Op, type Page, type PaintRun, type StructNode } from './model.js';
import type { PdfaLevel } from './options.js';
import { Tagging, type Kid } from './tagging.js';
import { num, rgb, textContent, type EmbeddedFace, type Marker } from './text-content.js';
import { xmpDescriptions, type DocumentInfo } from './xmp.js';

export interface PaintInfo extends DocumentInfo {
  /** CreationDate and ModDate (SOURCE_DATE_EPOCH); the current time when absent. */
  date?: Date;
}

/** A bookmark: a heading's text, its destination and its level. */
export interface OutlineItem {
  title: string;
  dest: string;
  depth: number;
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

/** pdfkit's embedded font, as far as this file uses it. */
interface EmbeddedFont {
  id: string;
  /** Added here: the face as embedded. */
  galley?: EmbeddedFace;
  subset: { includeGlyph(glyph: number): number; encode(): Uint8Array };
  widths: number[];
  unicode: number[][];
  scale: number;
  ref(): unknown;
}

interface PdfImage {
  width: number;
  height: number;
  /** PNG: set to null once the image's data are written. */
  image?: unknown;
}

interface Ref {
  data: Record<string, unknown>;
  end(data?: unknown): void;
}

/** pdfkit's document, with the internals this file uses. */
type Doc = Omit<PDFKit.PDFDocument, 'ref' | 'getStructTreeRoot' | 'page'> & {
  _font: EmbeddedFont;
  _root: Ref;
  _addInfo(): void;
  appendXML(xml: string, newline?: boolean): void;
  ref(data?: unknown): Ref;
  openImage(src: Buffer): PdfImage;
  getStructTreeRoot(): Ref;
  getStructParentTree(): { get(key: number): unknown[]; add(key: number, value: unknown): void };
  createStructParentTreeNextKey(): number;
  page: PDFKit.PDFPage & { fonts: Record<string, unknown>; dictionary: Ref; structParentTreeKey: number };
};

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

/**
 * The file's bytes, gathered directly: pdfkit writes every object as three
 * or four strings, each converted to bytes by a JavaScript loop and pushed
 * through its stream; here text is kept as text and turned into bytes in
 * large pieces (the offsets pdfkit keeps for the cross-reference table
 * count the same bytes). Resolves when pdfkit ends the file.
 */
function collectOutput(doc: Doc): { done: Promise<Buffer[]> } {
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
function compressContent(doc: Doc): void {
  const content = (doc.page as unknown as { content: { buffer: Uint8Array[]; compress: boolean; data: Record<string, unknown> } }).content;
  if (!content.compress || content.buffer.length === 0) return;
  const data = Buffer.concat(content.buffer);
  content.buffer = [deflateSync(data, { level: 3 })];
  content.compress = false;
  content.data.Filter = 'FlateDecode';
  content.data.Length = content.buffer[0]?.length ?? 0;
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

/** A stand-in structure parent for pdfkit's `annotate`: records the annotation under `node`. */
function annotationParent(doc: Doc, tagging: Tagging<Ref>, node: StructNode): { add(reference: { annotationRef: Ref }): void } {
  return {
    add(reference) {
      const key = doc.createStructParentTreeNextKey();
      reference.annotationRef.data.StructParent = key;
      tagging.annotation(node, doc.page.dictionary, { ref: reference.annotationRef, key });
    },
  };
}

/** The structure tree under the StructTreeRoot, with the parent tree that maps content back to elements. */
function writeStructure(doc: Doc, tagging: Tagging<Ref>, root: StructNode): void {
  const treeRoot = doc.getStructTreeRoot();
  const parentTree = doc.getStructParentTree();
  const roles = new Set<string>();
  const write = (node: StructNode, parent: Ref): Ref => {
    roles.add(node.role);
    // /Type /StructElem is optional: left out, as are empty keys (a tagged PDF has thousands of elements).
    const data: Record<string, unknown> = { S: node.role, P: parent };
    if (node.alt !== undefined) data.Alt = new String(node.alt);
    if (node.scope) data.A = { O: 'Table', Scope: node.scope };
    const ref = doc.ref(data);
    const kids: unknown[] = [];
    let firstPage: Ref | undefined;
    for (const kid of tagging.kidsOf(node) as Array<Kid<Ref>>) {
      if (kid.kind === 'element') {
        if (tagging.hasContent(kid.node)) kids.push(write(kid.node, ref));
      } else if (kid.kind === 'content') {
        firstPage ??= kid.page;
        kids.push(kid.page === firstPage ? kid.mcid : { Type: 'MCR', Pg: kid.page, MCID: kid.mcid });
        const slots = parentTree.get(kid.page.data.StructParents as number);
        slots[kid.mcid] = ref;
      } else {
        const annotation = kid.annotation as { ref: Ref; key: number };
        kids.push({ Type: 'OBJR', Obj: annotation.ref, Pg: kid.page });
        parentTree.add(annotation.key, ref);
      }
    }
    if (firstPage) data.Pg = firstPage;
    data.K = kids;
    ref.end();
    return ref;
  };
  const documentRef = write(root, treeRoot);
  treeRoot.data.K = [documentRef];
  // Roles PDF 1.7 does not define, as the standard ones they stand for.
  if (roles.has('Title')) treeRoot.data.RoleMap = { Title: 'H1' };
}

/** Bookmarks nested by heading level, each going to its heading's named destination. */
function writeOutline(doc: Doc, items: readonly OutlineItem[]): void {
  interface Entry {
    item: OutlineItem;
    children: Entry[];
  }
  const top: Entry[] = [];
  const stack: Entry[] = [];
  for (const item of items) {
    const entry: Entry = { item, children: [] };
    while (stack.length > 0 && (stack.at(-1) as Entry).item.depth >= item.depth) stack.pop();
    const parent = stack.at(-1);
    (parent ? parent.children : top).push(entry);
    stack.push(entry);
  }
  const root = doc.ref({ Type: 'Outlines' });
  // Top-level entries open (their children shown), deeper ones closed.
  const link = (entries: Entry[], parent: Ref, open: boolean): number => {
    const refs = entries.map((entry) => doc.ref({ Title: new String(entry.item.title), Parent: parent, Dest: new String(destinationName(entry.item.dest)) }));
    let visible = entries.length;
    entries.forEach((entry, i) => {
      const ref = refs[i] as Ref;
      if (i > 0) ref.data.Prev = refs[i - 1];
      if (i < refs.length - 1) ref.data.Next = refs[i + 1];
      if (entry.children.length > 0) {
        const shown = link(entry.children, ref, false);
        ref.data.Count = open ? shown : -entry.children.length;
        if (open) visible += shown;
      }
      ref.end();
    });
    parent.data.First = refs[0];
    parent.data.Last = refs.at(-1);
    return visible;
  };
  root.data.Count = link(top, root, true);
  root.end();
  doc._root.data.Outlines = root;
  doc._root.data.PageMode = 'UseOutlines';
}

/** The sRGB output intent of PDF/A (the ICC profile pdfkit ships). */
function writeOutputIntent(doc: Doc): void {
  const require = createRequire(import.meta.url);
  const profile = readFileSync(path.join(path.dirname(require.resolve('pdfkit')), 'data', 'sRGB_IEC61966_2_1.icc'));
  const stream = doc.ref({ Length: profile.length, N: 3 });
  stream.end(profile);
  const intent = doc.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    Info: new String('sRGB IEC61966-2.1'),
    OutputConditionIdentifier: new String('sRGB IEC61966-2.1'),
    DestOutputProfile: stream,
  });
  intent.end();
  doc._root.data.OutputIntents = [intent];
}

/**
 * A destination's name in the PDF: printable ASCII, other characters (and
 * `%`) percent-encoded as in URLs (`compatibilité` → `compatibilit%C3%A9`).
 * Readers disagree on how to order names that are not ASCII in the name
 * tree (by their bytes, as PDF says, or by their decoded text); ASCII names
 * sort the same either way.
 */
export function destinationName(id: string): string {
  return /^[\x21-\x24\x26-\x7e]*$/.test(id) ? id : id.toWellFormed().replace(/[^\x21-\x24\x26-\x7e]+/gu, (part) => encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** Name tree keys in byte order, as PDF requires (pdfkit sorts them with localeCompare). */
function sortNamesBytewise(doc: Doc): void {
  const names = doc._root.data.Names as Ref;
  const dests = names.data.Dests as { _compareKeys(a: string, b: string): number };
  dests._compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}

function openImage(doc: Doc, asset: Asset | undefined, problem: (reason: string) => void): PdfImage | undefined {
  if (!asset) return undefined;
  try {
    return doc.openImage(Buffer.from(asset.bytes.buffer, asset.bytes.byteOffset, asset.bytes.byteLength));
  } catch (error) {
    problem(`image "${asset.path}" could not be embedded: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * Waits until pdfkit has written a PNG's data (it inflates some PNGs
 * asynchronously): images are then written in the order they are drawn,
 * whatever the thread pool does, so the bytes are the same on every run.
 */
async function embeddedData(image: PdfImage): Promise<void> {
  for (let tries = 0; 'image' in image && image.image != null; tries++) {
    if (tries > 100_000) throw new Error('image data were never written');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

type SvgToPdf = (doc: unknown, svg: string, x: number, y: number, options: Record<string, unknown>) => void;

async function loadSvgToPdf(): Promise<SvgToPdf> {
  const module = await import('svg-to-pdfkit');
  return module.default;
}

function drawSvg(doc: Doc, svgToPdf: SvgToPdf, svg: string, x: number, y: number, w: number, h: number, input: PaintInput, embedded: (face: Face) => EmbeddedFace): void {
  const warnings = new Set<string>();
  doc.save();
  try {
    svgToPdf(doc, svg, x, y, {
      width: w,
      height: h,
      preserveAspectRatio: 'xMidYMid meet',
      // Text in the document's sans face (embedded), never a standard font.
      fontCallback: (_family: string, bold: boolean, italic: boolean) => {
        const face = input.svgFace(bold, italic);
        embedded(face);
        return face.id;
      },
      // No file or network reads from inside an SVG: only embedded PNG/JPEG data.
      imageCallback: (link: string) => {
        const match = /^data:image\/(?:png|jpeg|jpg);base64,([a-z0-9+/=\s]+)$/i.exec(link.trim());
        const bytes = match ? Buffer.from((match[1] as string).replace(/\s+/g, ''), 'base64') : undefined;
        const valid = bytes && (bytes[0] === 0x89 ? !pngProblem(bytes) : !jpegProblem(bytes));
        return valid ? bytes : new Uint8Array(0);
      },
      documentCallback: () => undefined,
      warningCallback: (message: string) => warnings.add(message),
    });
  } catch (error) {
    warnings.add((error as Error).message);
  }
  doc.restore();
  if (warnings.size > 0) input.problem(`parts of an SVG image could not be drawn (${[...warnings].slice(0, 3).join('; ')})`);
}
