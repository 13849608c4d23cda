// SVG → PNG with resvg, for the PNG fallback Word requires next to an SVG
// picture (Word 2016+ and LibreOffice draw the SVG; older readers and
// Google Docs show the PNG). Imported only for documents with SVG images.
// The SVG has been sanitized first (./svg.ts), so nothing outside it is read
// except the system fonts its text needs.
//
// resvg is a native addon: it is required at run time by name, never
// bundled (esbuild cannot bundle `.node` files), and resolved from the
// installed node_modules.
import { createRequire } from 'node:module';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';

const load = createRequire(import.meta.url);
const { Resvg } = load('@resvg/resvg-js') as { Resvg: typeof ResvgClass };

/** Pixel budget of one fallback picture. */
const maxPixels = 16_000_000;

/** The SVG drawn at twice its size (for print), or undefined if resvg cannot read it. */
export function svgToPng(svg: Uint8Array, width: number, height: number): Uint8Array | undefined {
  try {
    const scale = Math.min(2, Math.sqrt(maxPixels / Math.max(1, width * height)));
    const target = Math.max(1, Math.round(width * scale));
    const resvg = new Resvg(Buffer.from(svg.buffer, svg.byteOffset, svg.byteLength), {
      fitTo: { mode: 'width', value: target },
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
      logLevel: 'off',
    });
    return new Uint8Array(resvg.render().asPng());
  } catch {
    return undefined;
  }
}
