// A thematic break is a rule across the text, not a page break: an empty
// paragraph with a bottom border in the theme's rule colour.
import type { ThematicBreak } from 'mdast';
import { blockParagraph } from '../blocks.js';
import { hex } from '../properties.js';
import type { DocxState } from '../state.js';

export function thematicBreak(state: DocxState, _node: ThematicBreak): string {
  return blockParagraph(
    state,
    {
      style: 'Normal',
      borders: `<w:bottom w:val="single" w:sz="6" w:space="1" w:color="${hex(state.theme.colors.rule)}"/>`,
      spacing: { before: 120, after: 240 },
    },
    '',
  );
}
