// Emphasis: italic runs.
import type { Emphasis } from 'mdast';
import type { DocxState } from '../state.js';

export function emphasis(state: DocxState, node: Emphasis): string {
  return state.all(node, { marks: { ...state.context.marks, italic: true } });
}
