// Headings in the Heading 1–6 styles, whose outline levels feed Word's
// navigation pane and table of contents. The heading's id (from the parse
// stage, the same as the HTML id) becomes a bookmark around its text, which
// internal links and the table of contents point to.
import type { Heading } from 'mdast';
import { blockParagraph } from '../blocks.js';
import type { DocxState } from '../state.js';
import { attr } from '../xml.js';

export function heading(state: DocxState, node: Heading): string {
  let content = state.all(node, { phrasing: true, lead: undefined });
  const id = node.data?.id;
  const name = id ? state.bookmarks.get(id) : undefined;
  if (name) {
    const bookmark = state.bookmarkId();
    content = `<w:bookmarkStart w:id="${bookmark}" w:name="${attr(name)}"/>${content}<w:bookmarkEnd w:id="${bookmark}"/>`;
  }
  return blockParagraph(state, { style: `Heading${Math.min(Math.max(node.depth, 1), 6)}` }, content);
}
