// A paragraph in the style of where it stands (Body Text, List Paragraph,
// Quote, Footnote Text). With `figures: true`, an image alone in its
// paragraph becomes a figure: the image in the Figure style, then a Caption
// paragraph numbered by a SEQ field, as Word's Insert Caption makes it, so
// that Word can list the figures and renumber them.
import type { Paragraph, PhrasingContent } from 'mdast';
import { blockParagraph } from '../blocks.js';
import { textRun } from '../properties.js';
import type { DocxState } from '../state.js';
import { text } from '../xml.js';

export function paragraph(state: DocxState, node: Paragraph): string {
  const image = state.meta.layout.figures ? loneImage(node) : undefined;
  const content = state.all(node, { phrasing: true, lead: undefined });
  if (!image || !content.includes('<w:drawing>')) return blockParagraph(state, {}, content);
  const number = ++state.figures;
  const label = state.labels.figure;
  const caption =
    textRun(`${label} `, '') +
    `<w:fldSimple w:instr=" SEQ ${text(label.replace(/\s+/g, '_'))} \\* ARABIC "><w:r><w:t>${number}</w:t></w:r></w:fldSimple>` +
    (image.alt ? textRun(`. ${image.alt}`, '') : '');
  return (
    blockParagraph(state, { style: 'Figure' }, content) +
    state.within({ ...state.context, lead: undefined }, () => blockParagraph(state, { style: 'Caption' }, caption))
  );
}

function loneImage(node: Paragraph): Extract<PhrasingContent, { type: 'image' | 'imageReference' }> | undefined {
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = meaningful;
  return meaningful.length === 1 && (only?.type === 'image' || only?.type === 'imageReference') ? only : undefined;
}
