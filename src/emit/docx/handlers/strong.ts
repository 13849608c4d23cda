// Strong importance: bold runs.
import type { Strong } from 'mdast';
import type { DocxState } from '../state.js';

export function strong(state: DocxState, node: Strong): string {
  return state.all(node, { marks: { ...state.context.marks, bold: true } });
}
