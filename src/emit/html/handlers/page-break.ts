// galley's `pageBreak` node (`\newpage` alone in a paragraph): an empty block
// the print CSS breaks the page after.
import type { Element } from 'hast';
import type { PageBreak } from 'mdast';
import type { State } from './types.js';

export function pageBreak(state: State, node: PageBreak): Element {
  const element: Element = {
    type: 'element',
    tagName: 'div',
    properties: { className: ['page-break'], role: 'presentation' },
    children: [],
  };
  state.patch(node, element);
  return element;
}
