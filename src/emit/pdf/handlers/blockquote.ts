// Block quotes: indented, in the quote colour, with a rule on the left;
// nested quotes nest their rules.
import type { Blockquote } from 'mdast';
import type { Handler } from '../state.js';

export const blockquote: Handler = (state, node: Blockquote, _parent, context) => {
  const body = state.theme.roles.body;
  const quote = state.style('quote');
  const inner = { ...context, paragraphRole: 'quote' as const, style: { ...context.style, color: quote.color }, tight: false };
  return {
    kind: 'container',
    role: 'BlockQuote',
    children: state.blocks(node, inner),
    indent: body.size * 1.3,
    bar: { color: state.theme.colors.quoteBar, width: 2.5 },
    spaceBefore: body.spaceAfter,
    spaceAfter: body.spaceAfter,
  };
};
