// Text as runs with the marks that flow down (bold, italic, link…).
import type { Text } from 'mdast';
import { marksRunProperties, textRun } from '../properties.js';
import type { DocxState } from '../state.js';

export function text(state: DocxState, node: Text): string {
  return textRun(node.value, marksRunProperties(state.context.marks, state.theme.roles.link.color));
}
