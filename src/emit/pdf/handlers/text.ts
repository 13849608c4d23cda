// Text in the style in force.
import type { Text } from 'mdast';
import type { Handler } from '../state.js';

export const text: Handler = (_state, node: Text, _parent, context) =>
  node.value ? { kind: 'text', text: node.value, style: context.style } : undefined;
