// Block quotes in the Quote style (a bar on the left); each nested level is
// indented one step further. Lists inside a quote keep the Quote style.
import type { Blockquote } from 'mdast';
import type { DocxState } from '../state.js';
import { quoteStep } from '../styles.js';

export function blockquote(state: DocxState, node: Blockquote): string {
  const context = state.context;
  return state.all(node, {
    indent: context.indent + quoteStep,
    width: Math.max(context.width - quoteStep, 1440),
    quoteDepth: context.quoteDepth + 1,
    paragraphStyle: 'Quote',
    lead: undefined,
    list: undefined,
  });
}
