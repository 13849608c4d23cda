// Link definitions are used where references point to them; they show
// nothing where they stand.
import type { Definition } from 'mdast';
import type { DocxState } from '../state.js';

export function definition(_state: DocxState, _node: Definition): string {
  return '';
}
