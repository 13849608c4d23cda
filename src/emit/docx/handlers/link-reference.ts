// Reference links (`[text][ref]`) are links to their definition's URL; one
// without a definition is shown as written, as CommonMark renders it.
import type { LinkReference, Text } from 'mdast';
import { hyperlink } from '../links.js';
import type { DocxState } from '../state.js';

export function linkReference(state: DocxState, node: LinkReference): string {
  const definition = state.definitions.get(node.identifier);
  if (definition) return hyperlink(state, node, node, definition.url, definition.title);
  const suffix = node.referenceType === 'full' ? `[${node.label ?? node.identifier}]` : node.referenceType === 'collapsed' ? '[]' : '';
  const open: Text = { type: 'text', value: '[' };
  const close: Text = { type: 'text', value: `]${suffix}` };
  return state.all({ type: 'paragraph', children: [open, ...node.children, close] });
}
