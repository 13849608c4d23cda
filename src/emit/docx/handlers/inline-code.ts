// Inline code: a run in the Verbatim Char style.
import type { InlineCode } from 'mdast';
import { marksRunProperties, textRun } from '../properties.js';
import type { DocxState } from '../state.js';

export function inlineCode(state: DocxState, node: InlineCode): string {
  return textRun(node.value, marksRunProperties({ ...state.context.marks, code: true }, state.theme.roles.link.color));
}
