// A node type no handler knows (a plugin's custom node): say so, with its
// position, and keep its text so that no words are lost.
import type { Nodes } from 'mdast';
import { textOf, type Handler } from '../state.js';

export const unknown: Handler = (state, node: Nodes, _parent, context) => {
  state.warn(node, `cannot draw "${node.type}" nodes in PDF; their text is kept`, 'unknown-node');
  const value = textOf(node);
  return value ? { kind: 'text', text: value, style: context.style } : undefined;
};
