// A node type no handler knows (a plugin's custom node): say so, with its
// position, and keep its text, so that no words are lost.
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { blockParagraph } from '../blocks.js';
import { marksRunProperties, textRun } from '../properties.js';
import type { DocxState } from '../state.js';

export function unknown(state: DocxState, node: Nodes): string {
  state.warn(node, `cannot render "${node.type}" nodes in DOCX; their text is kept`, 'unknown-node');
  const value = toString(node);
  if (!value) return '';
  const run = textRun(value, marksRunProperties(state.context.marks, state.theme.roles.link.color));
  return state.context.phrasing ? run : blockParagraph(state, {}, run);
}
