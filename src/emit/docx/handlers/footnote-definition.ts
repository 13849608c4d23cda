// A footnote definition shows nothing where it stands; its body is rendered
// into the footnotes part at its first call (footnote-reference.ts), in the
// Footnote Text style, opening with the note's own number.
import type { FootnoteDefinition } from 'mdast';
import { blockParagraph } from '../blocks.js';
import { separatorParagraph, type DocxState, type Lead } from '../state.js';

const lead: Lead = {
  runs: '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>',
};

export function footnoteDefinition(state: DocxState, node: FootnoteDefinition): string {
  if (!state.context.inFootnote) return '';
  const first = node.children[0];
  const leadsItself = first?.type === 'paragraph';
  let out = leadsItself ? '' : state.within({ ...state.context, lead }, () => blockParagraph(state, {}, ''));
  out += state.all(node, undefined, (_child, index) => (index === 0 && leadsItself ? { lead } : undefined));
  // A note must end with a paragraph.
  return out.endsWith('</w:tbl>') ? out + separatorParagraph : out;
}
