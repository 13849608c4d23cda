// The paint step: pages of positioned operations → PDF bytes. The only
// file that imports pdfkit. pdfkit is the pen: it writes the file structure,
// embeds and subsets fonts, images, links and destinations; the text itself
// is written here as glyph runs (TJ arrays) from the same shapes the layout
// measured, so that every word lands exactly where the layout put it.
//
// This uses three pdfkit internals, all on its embedded-font object (the
// subset, the widths and the code points of the glyphs used) and
// `page.fonts`; pdfkit is pinned, and the read-back tests break if they move.
import { Buffer } from 'node:buffer';
import PDFDocument from 'pdfkit';
import type { Asset } from '../../document.js';
import { shape, type Face } from './fonts.js';
import { jpegProblem, pngProblem } from './images.js';
import type { Op, Page, PaintRun } from './model.js';

export interface PaintInfo {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator: string;
  producer: string;
  /** CreationDate and ModDate (SOURCE_DATE_EPOCH); the current time when absent. */
  date?: Date;
  lang: string;
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
  /** Called for each image or SVG that could not be drawn (its alt text says what it was). */
  problem(reason: string): void;
}

/** pdfkit's embedded font, as far as this file uses it. */
interface EmbeddedFont {
  id: string;
  /** Added here: glyph id → subset glyph id, for the glyphs already included. */
  galleyGids?: Map<number, number>;
  subset: { includeGlyph(glyph: number): number };
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

type Doc = PDFKit.PDFDocument & {
  _font: EmbeddedFont;
  openImage(src: Buffer): PdfImage;
  page: PDFKit.PDFPage & { fonts: Record<string, unknown> };
};

const obliqueSkew = 0.2;

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
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [input.width, input.height],
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    lang: info.lang,
    displayTitle: true,
    info: pdfInfo as PDFKit.DocumentInfo,
    // No default font: pdfkit would otherwise load Helvetica, which is never embedded.
    font: null as unknown as string,
  }) as Doc;
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const fonts = new Map<string, EmbeddedFont>();
  const embedded = (face: Face): EmbeddedFont => {
    let font = fonts.get(face.id);
    if (!font) {
      doc.registerFont(face.id, face.font as unknown as string);
      doc.font(face.id);
      font = doc._font;
      fonts.set(face.id, font);
    }
    return font;
  };
  const images = new Map<string, PdfImage | undefined>();
  const destinations = new Set<string>();
  let svgToPdf: SvgToPdf | undefined;
  const height = input.height;

  for (const page of input.pages) {
    doc.addPage({ size: [input.width, input.height], margin: 0 });
    for (const item of page.items) {
      for (const op of item.ops) {
        const dy = item.y;
        switch (op.op) {
          case 'rect':
            doc.rect(op.x, op.y + dy, op.w, op.h).fill(op.fill);
            break;
          case 'line':
            doc
              .lineWidth(op.width)
              .strokeColor(op.color)
              .moveTo(op.x1, op.y1 + dy)
              .lineTo(op.x2, op.y2 + dy)
              .stroke();
            break;
          case 'text':
            drawText(doc, op, dy, height, input, embedded);
            break;
          case 'object':
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
              drawSvg(doc, svgToPdf, op.content.svg, op.x, op.y + dy, op.w, op.h, input, embedded);
            }
            break;
          case 'link': {
            const y = op.y + dy;
            if ('url' in op.target) doc.link(op.x, y, op.w, op.h, op.target.url);
            else doc.goTo(op.x, y, op.w, op.h, op.target.dest);
            break;
          }
          case 'dest':
            if (!destinations.has(op.name)) {
              destinations.add(op.name);
              doc.addNamedDestination(op.name, 'XYZ', 0, Math.max(op.y + dy - 4, 0), null);
            }
            break;
        }
      }
    }
  }
  if (input.pages.length === 0) doc.addPage({ size: [input.width, input.height], margin: 0 });
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Numbers as PDF writes them: at most three decimals, no exponent, no "-0". */
function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function rgb(hex: string): string {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return '0 0 0';
  return [match[1], match[2], match[3]].map((part) => num(parseInt(part as string, 16) / 255)).join(' ');
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

function drawText(doc: Doc, op: Extract<Op, { op: 'text' }>, dy: number, pageHeight: number, input: PaintInput, embedded: (face: Face) => EmbeddedFont): void {
  const y = pageHeight - (op.y + dy);
  const parts: string[] = ['q', `1 0 0 -1 0 ${num(pageHeight)} cm`, 'BT'];
  for (const run of op.runs) runOps(doc, run, y, input, embedded, parts);
  parts.push('ET', 'Q', '');
  // As bytes: pdfkit converts strings to bytes one character at a time.
  doc.addContent(Buffer.from(parts.join('\n'), 'latin1') as unknown as string);
}

function runOps(doc: Doc, run: PaintRun, baseline: number, input: PaintInput, embedded: (face: Face) => EmbeddedFont, parts: string[]): void {
  const y = baseline + (run.rise ?? 0);
  const face = input.face(run.face);
  const font = embedded(face);
  doc.page.fonts[font.id] ??= font.ref();
  const gids = (font.galleyGids ??= new Map());
  const size = run.size;
  const skew = face.oblique ? obliqueSkew : 0;
  const perUnit = size / face.unitsPerEm;
  const toThousandths = 1000 / face.unitsPerEm;
  parts.push(`/${font.id} ${num(size)} Tf`, `${rgb(run.color)} rg`);
  let pen: number | undefined;
  let array: string[] = [];
  let hex = '';
  const flushHex = () => {
    if (hex) array.push(`<${hex}>`);
    hex = '';
  };
  const flush = () => {
    flushHex();
    if (array.length > 0) parts.push(`[${array.join(' ')}] TJ`);
    array = [];
  };
  const moveTo = (x: number, baseline: number) => {
    flush();
    parts.push(`1 0 ${num(skew)} 1 ${num(x)} ${num(baseline)} Tm`);
  };
  for (const word of run.words) {
    if (pen === undefined) moveTo(word.x, y);
    else {
      const gap = word.x - pen;
      if (Math.abs(gap) > 0.0005) {
        flushHex();
        array.push(num((-gap * 1000) / size));
      }
    }
    pen = word.x;
    // Trailing spaces are shaped on their own: the words themselves are already in the cache.
    let end = word.text.length;
    while (end > 0 && word.text.charCodeAt(end - 1) === 32) end--;
    const pieces = end === word.text.length ? [word.text] : [word.text.slice(0, end), word.text.slice(end)];
    for (const text of pieces) {
      if (!text) continue;
      const shaped = shape(face, text);
      for (let i = 0; i < shaped.glyphs.length; i++) {
        const glyph = shaped.glyphs[i] as number;
        const natural = shaped.natural[i] as number;
        let gid = gids.get(glyph);
        if (gid === undefined) {
          gid = font.subset.includeGlyph(glyph);
          gids.set(glyph, gid);
          font.widths[gid] ??= natural * font.scale;
          font.unicode[gid] ??= shaped.codePoints[i] as number[];
        }
        const advance = shaped.advances[i] as number;
        const offset = shaped.offsets?.[i];
        if (offset && (offset[0] || offset[1])) {
          // A mark placed off the pen: its own position, then back on the line.
          moveTo(pen + offset[0] * perUnit, y + offset[1] * perUnit);
          parts.push(`[<${hex4(gid)}>] TJ`);
          pen += advance * perUnit;
          moveTo(pen, y);
          continue;
        }
        hex += hex4(gid);
        const kern = advance - natural;
        if (kern !== 0) {
          flushHex();
          array.push(num(-kern * toThousandths));
        }
        pen += advance * perUnit;
      }
    }
  }
  flush();
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

function drawSvg(doc: Doc, svgToPdf: SvgToPdf, svg: string, x: number, y: number, w: number, h: number, input: PaintInput, embedded: (face: Face) => EmbeddedFont): void {
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
