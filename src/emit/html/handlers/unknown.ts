// A node type no handler knows (a plugin's custom node): say so, with its
// position, and keep its text so that no words are lost.
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { HtmlContext } from '../context.js';
import { warn } from '../context.js';
import type { Handler } from '../options.js';

export function createUnknownHandler(context: HtmlContext): Handler {
  return (state, node: Nodes) => {
    warn(context.file, node, `cannot render "${node.type}" nodes in HTML; their text is kept`, 'unknown-node');
    const value = toString(node);
    if (!value) return undefined;
    const text = { type: 'text' as const, value };
    state.patch(node, text);
    return text;
  };
}
