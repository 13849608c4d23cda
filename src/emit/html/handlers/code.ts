// Fenced code: `<pre><code class="language-x">`, with highlight.js spans when
// the shared highlighter knows the language; unknown or absent languages are
// shown plain, without a warning (a fence's word is often not a language).
import type { Element, ElementContent } from 'hast';
import type { Code } from 'mdast';
import { defaultHandlers } from 'remark-rehype';
import type { HtmlContext } from '../context.js';
import type { State } from './types.js';

export function createCodeHandler(context: HtmlContext) {
  return function code(state: State, node: Code): Element {
    const lang = node.lang?.split(/\s+/)[0];
    const highlighted = lang && context.highlight ? context.highlight(node.value, lang) : undefined;
    if (!highlighted) return defaultHandlers.code(state, node);

    const children = [...(highlighted.children as ElementContent[])];
    // Like the default handler: the block's text ends with a line ending.
    if (node.value) children.push({ type: 'text', value: '\n' });
    const inner: Element = {
      type: 'element',
      tagName: 'code',
      properties: { className: [`language-${lang}`] },
      children,
    };
    state.patch(node, inner);
    const pre: Element = { type: 'element', tagName: 'pre', properties: {}, children: [state.applyData(node, inner)] };
    state.patch(node, pre);
    return pre;
  };
}
