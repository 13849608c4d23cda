// Front matter is metadata (core properties, title block), not content.
import type { Yaml } from 'mdast';
import type { DocxState } from '../state.js';

export function yaml(_state: DocxState, _node: Yaml): string {
  return '';
}
