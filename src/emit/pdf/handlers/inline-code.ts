// `Inline code`: the monospace face, a little smaller than the text around
// it (the theme's code/body ratio), on a subtle background.
import type { InlineCode } from 'mdast';
import type { Handler } from '../state.js';

export const inlineCode: Handler = (state, node: InlineCode, _parent, context) => {
  const { code, body } = state.theme.roles;
  const style = context.style;
  return {
    kind: 'text',
    text: node.value,
    style: {
      ...style,
      font: code.font,
      bold: style.bold,
      italic: false,
      size: style.size * (code.size / body.size),
      color: style.link ? style.color : code.color,
      ...(code.background ? { background: code.background } : {}),
    },
  };
};
