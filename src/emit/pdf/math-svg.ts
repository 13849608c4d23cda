// TeX → SVG paths with MathJax, for the PDF (svg-to-pdfkit draws them as
// vectors). Imported only for documents that contain math (~200 ms). The
// TeX comes from untrusted documents: only core packages are loaded (no
// \href, \require or HTML extensions), MathJax's macro and buffer limits
// stay on, and invalid TeX throws, so that the caller shows the source with
// a warning, as the HTML emitter does.
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import 'mathjax-full/js/input/tex/newcommand/NewcommandConfiguration.js';
import 'mathjax-full/js/input/tex/boldsymbol/BoldsymbolConfiguration.js';
import 'mathjax-full/js/input/tex/color/ColorConfiguration.js';
import 'mathjax-full/js/input/tex/cancel/CancelConfiguration.js';
import { SVG } from 'mathjax-full/js/output/svg.js';

/** An expression as SVG, with its size in ems (width, height above the baseline, depth below). */
export interface MathSvg {
  svg: string;
  width: number;
  height: number;
  depth: number;
}

type Converter = (tex: string, display: boolean) => string;
let converter: Converter | undefined;

function setup(): Converter {
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const input = new TeX({
    packages: ['base', 'ams', 'newcommand', 'boldsymbol', 'color', 'cancel'],
    formatError: (_jax: unknown, error: Error) => {
      throw error;
    },
  });
  // Paths inline (no <use> references), which svg-to-pdfkit draws most reliably.
  const output = new SVG({ fontCache: 'none' });
  const document = mathjax.document('', { InputJax: input, OutputJax: output });
  return (tex, display) => {
    const node = document.convert(tex, { display, em: 16, ex: 8, containerWidth: 1280 });
    return adaptor.innerHTML(node);
  };
}

/** Throws an Error whose message says what is wrong with the TeX. */
export function texToSvg(tex: string, display: boolean, color: string): MathSvg {
  converter ??= setup();
  const svg = converter(tex, display);
  const viewBox = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!viewBox) throw new Error('no SVG produced');
  const minY = Number(viewBox[2]);
  const width = Number(viewBox[3]) / 1000;
  const total = Number(viewBox[4]) / 1000;
  const height = -minY / 1000;
  return {
    svg: svg.replace(/currentColor/g, color),
    width,
    height,
    depth: Math.max(total - height, 0),
  };
}
