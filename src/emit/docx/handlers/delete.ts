// GFM strikethrough: struck runs.
import type { Delete } from 'mdast';
import type { DocxState } from '../state.js';

export function deleteHandler(state: DocxState, node: Delete): string {
  return state.all(node, { marks: { ...state.context.marks, strike: true } });
}
