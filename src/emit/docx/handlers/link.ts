// Links: clickable hyperlinks in the Hyperlink style (see ../links.ts).
import type { Link } from 'mdast';
import { hyperlink } from '../links.js';
import type { DocxState } from '../state.js';

export function link(state: DocxState, node: Link): string {
  return hyperlink(state, node, node, node.url, node.title);
}
