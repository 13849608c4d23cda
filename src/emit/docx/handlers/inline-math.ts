// Inline math (`$…$`) as a native Word equation inside the paragraph, or its
// TeX source as code after a warning.
import type { Nodes } from 'mdast';
import type { DocxState } from '../state.js';
import { equation, texRun } from './math.js';

type InlineMathNode = Extract<Nodes, { type: 'inlineMath' }>;

export function inlineMath(state: DocxState, node: InlineMathNode): string {
  return equation(state, node, false) ?? texRun(state, node.value);
}
