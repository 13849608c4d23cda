// Math: TeX drawn as vector paths (MathJax's SVG output through
// svg-to-pdfkit), inline math on the baseline of its line, display math
// centred on its own. Invalid TeX shows its source in the monospace face
// with a positioned warning, as in HTML.
import type { Nodes } from 'mdast';
import type { Block, Inline, TextStyle } from '../model.js';
import type { Handler, State } from '../state.js';

type MathNode = Extract<Nodes, { type: 'math' | 'inlineMath' }>;

/**
 * MathJax's glyphs are Computer Modern's, whose x-height is smaller than the
 * text faces' (0.44 em against Noto Serif's 0.54): scaled up a little, as
 * MathJax matches the surrounding font's x-height in browsers.
 */
const mathScale = 1.15;

function texStyle(state: State, style: TextStyle): TextStyle {
  const { code, body } = state.theme.roles;
  return { ...style, font: 'mono', italic: false, size: style.size * (code.size / body.size) };
}

/** The SVG of `node`, or undefined after a warning. */
function render(state: State, node: MathNode, display: boolean, style: TextStyle) {
  if (!state.texToSvg) {
    state.warn(node, 'math is shown as TeX source in PDF (no math renderer)', 'math');
    return undefined;
  }
  try {
    return state.texToSvg(node.value, display, style.color);
  } catch (error) {
    state.warn(node, `TeX error: ${(error as Error).message}; the TeX source is shown instead`, 'math');
    return undefined;
  }
}

export const inlineMath: Handler = (state, node: MathNode, _parent, context): Inline => {
  const style = context.style;
  const math = render(state, node, false, style);
  if (!math) return { kind: 'text', text: node.value, style: texStyle(state, style) };
  const size = style.size * mathScale;
  return {
    kind: 'object',
    width: math.width * size,
    height: (math.height + math.depth) * size,
    content: { kind: 'svg', svg: math.svg },
    style: { ...style, rise: (style.rise ?? 0) - math.depth * size },
    role: 'Formula',
    alt: node.value,
  };
};

export const math: Handler = (state, node: MathNode, _parent, context): Block => {
  const style = context.style;
  const rendered = render(state, node, true, style);
  if (!rendered) {
    const source = texStyle(state, style);
    return {
      kind: 'paragraph',
      role: 'Formula',
      inlines: [{ kind: 'text', text: node.value, style: source }],
      align: 'center',
      lineHeight: 1.4,
      whiteSpace: 'pre',
      style: source,
      spaceBefore: 6,
      spaceAfter: 10,
    };
  }
  const size = style.size * mathScale;
  return {
    kind: 'image',
    role: 'Formula',
    content: { kind: 'svg', svg: rendered.svg },
    width: rendered.width * size,
    height: (rendered.height + rendered.depth) * size,
    alt: node.value,
    spaceBefore: 6,
    spaceAfter: 10,
  };
};
