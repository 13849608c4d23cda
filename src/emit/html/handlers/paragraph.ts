// With `figures: true` in the front matter, an image alone in its paragraph
// becomes a numbered figure captioned with its alt text (pandoc's implicit
// figures). The number is counted in tree order, as PDF and DOCX count it.
import type { Element, ElementContent } from 'hast';
import type { Paragraph, PhrasingContent } from 'mdast';
import { defaultHandlers } from 'remark-rehype';
import type { HtmlContext } from '../context.js';
import type { State } from './types.js';

export function createParagraphHandler(context: HtmlContext) {
  return function paragraph(state: State, node: Paragraph) {
    const image = context.data.meta.layout.figures ? loneImage(node) : undefined;
    if (!image) return defaultHandlers.paragraph(state, node);
    const rendered = state.one(image, node);
    if (!rendered || Array.isArray(rendered) || rendered.type !== 'element' || rendered.tagName !== 'img') {
      return defaultHandlers.paragraph(state, node);
    }
    const number = ++context.counters.figures;
    const caption: ElementContent[] = [
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['figure-label'] },
        children: [{ type: 'text', value: `${context.labels.figure} ${number}${image.alt ? '.' : ''}` }],
      },
    ];
    if (image.alt) caption.push({ type: 'text', value: ` ${image.alt}` });
    const figure: Element = {
      type: 'element',
      tagName: 'figure',
      properties: {},
      children: [rendered, { type: 'element', tagName: 'figcaption', properties: {}, children: caption }],
    };
    state.patch(node, figure);
    return figure;
  };
}

function loneImage(node: Paragraph): Extract<PhrasingContent, { type: 'image' | 'imageReference' }> | undefined {
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = meaningful;
  return meaningful.length === 1 && (only?.type === 'image' || only?.type === 'imageReference') ? only : undefined;
}
