// Reference images (`![alt][ref]`): the picture its definition names; one
// without a definition is shown as written.
import type { ImageReference } from 'mdast';
import { imageRun } from '../images.js';
import { marksRunProperties, textRun } from '../properties.js';
import type { DocxState } from '../state.js';

export function imageReference(state: DocxState, node: ImageReference): string {
  const definition = state.definitions.get(node.identifier);
  if (definition) return imageRun(state, node, definition.url, definition.title);
  const suffix = node.referenceType === 'full' ? `[${node.label ?? node.identifier}]` : node.referenceType === 'collapsed' ? '[]' : '';
  return textRun(`![${node.alt ?? ''}]${suffix}`, marksRunProperties(state.context.marks, state.theme.roles.link.color));
}
