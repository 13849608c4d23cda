// **Strong**: bold.
import type { Strong } from 'mdast';
import type { Handler } from '../state.js';

export const strong: Handler = (state, node: Strong, _parent, context) =>
  state.inlines(node, { ...context, style: { ...context.style, bold: true } });
