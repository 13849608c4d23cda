// *Emphasis*: italic.
import type { Emphasis } from 'mdast';
import type { Handler } from '../state.js';

export const emphasis: Handler = (state, node: Emphasis, _parent, context) =>
  state.inlines(node, { ...context, style: { ...context.style, italic: true } });
