// Math (remark-math's `math` and `inlineMath`) as MathML from temml, parsed
// into hast so that it is sanitized like everything else. Invalid TeX gets a
// positioned warning, and its source is shown in `<code class="math-error">`.
import type { Element, ElementContent } from 'hast';
import type { Nodes } from 'mdast';
import { TexError } from '../../../math/errors.js';
import { warn, type HtmlContext } from '../context.js';
import type { State } from './types.js';

// remark-math's node types, through the augmentation it makes to mdast.
type Math = Extract<Nodes, { type: 'math' }>;
type InlineMath = Extract<Nodes, { type: 'inlineMath' }>;

export function createMathHandlers(context: HtmlContext) {
  const render = (state: State, node: Math | InlineMath, display: boolean): Element => {
    let content: ElementContent;
    try {
      if (!context.texToMathML || !context.fromHtml) throw new Error('math renderer not loaded');
      const mathml = context.texToMathML(node.value, display);
      const [first] = context.fromHtml(mathml, { fragment: true }).children;
      if (first?.type !== 'element') throw new TexError(node.value, 'TeX error: no MathML produced');
      content = first;
    } catch (error) {
      if (!(error instanceof TexError)) throw error;
      warn(context.file, node, `${error.reason}; the TeX source is shown instead`, 'math');
      content = {
        type: 'element',
        tagName: 'code',
        properties: { className: ['math-error'], title: error.reason },
        children: [{ type: 'text', value: node.value }],
      };
      if (display) content = { type: 'element', tagName: 'pre', properties: {}, children: [content] };
    }
    const result: Element = display
      ? { type: 'element', tagName: 'div', properties: { className: ['math-display'] }, children: [content] }
      : content as Element;
    state.patch(node, result);
    return result;
  };
  return {
    math: (state: State, node: Math) => render(state, node, true),
    inlineMath: (state: State, node: InlineMath) => render(state, node, false),
  };
}
