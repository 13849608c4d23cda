// Images on the page: PNG and JPEG opened once each by pdfkit (a broken one
// is reported, not drawn), and SVG drawn as vector graphics by svg-to-pdfkit
// with the document's fonts and no file or network reads.
import { Buffer } from 'node:buffer';
import type { Asset } from '../../document.js';
import type { Face } from './fonts.js';
import { jpegProblem, pngProblem } from './images.js';
import type { PaintInput } from './paint.js';
import type { Doc, PdfImage } from './pdfkit-doc.js';
import type { EmbeddedFace } from './text-content.js';

/** pdfkit's image of an asset, or undefined (and a problem reported) when pdfkit cannot open it. */
export function openImage(doc: Doc, asset: Asset | undefined, problem: (reason: string) => void): PdfImage | undefined {
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
export async function embeddedData(image: PdfImage): Promise<void> {
  for (let tries = 0; 'image' in image && image.image != null; tries++) {
    if (tries > 100_000) throw new Error('image data were never written');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export type SvgToPdf = (doc: unknown, svg: string, x: number, y: number, options: Record<string, unknown>) => void;

export async function loadSvgToPdf(): Promise<SvgToPdf> {
  const module = await import('svg-to-pdfkit');
  return module.default;
}

/** Draws an SVG in its box; what svg-to-pdfkit cannot draw is reported once for the image. */
export function drawSvg(doc: Doc, svgToPdf: SvgToPdf, svg: string, x: number, y: number, w: number, h: number, input: Pick<PaintInput, 'svgFace' | 'problem'>, embedded: (face: Face) => EmbeddedFace): void {
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
