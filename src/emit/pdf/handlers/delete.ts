// ~~Strikethrough~~: a line through the text.
import type { Delete } from 'mdast';
import type { Handler } from '../state.js';

export const strikethrough: Handler = (state, node: Delete, _parent, context) =>
  state.inlines(node, { ...context, style: { ...context.style, strike: true } });
