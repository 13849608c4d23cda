// A hard line break (two trailing spaces or a backslash): a line break in
// the same paragraph, as in an address block.
import type { Break } from 'mdast';
import type { DocxState } from '../state.js';

export function breakHandler(_state: DocxState, _node: Break): string {
  return '<w:r><w:br/></w:r>';
}
