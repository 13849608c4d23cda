// The root: its blocks, in order. The title block and table of contents are
// placed around them by the renderer, which knows the document level.
import type { Root } from 'mdast';
import type { DocxState } from '../state.js';

export function root(state: DocxState, node: Root): string {
  return state.all(node);
}
