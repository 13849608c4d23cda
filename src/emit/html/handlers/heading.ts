// Headings keep the id the parse stage gave them (`data.id`): the same id is
// the DOCX bookmark and the PDF destination, so it is never recomputed here.
import type { Heading } from 'mdast';
import { defaultHandlers } from 'remark-rehype';
import type { State } from './types.js';

export function heading(state: State, node: Heading) {
  const element = defaultHandlers.heading(state, node);
  if (node.data?.id) element.properties = { ...element.properties, id: node.data.id };
  return element;
}
