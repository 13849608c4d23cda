// Paragraphs. An image alone in its paragraph is a figure: centred, scaled
// to the text width and the page, with a numbered caption (its alt text)
// when the front matter says `figures: true`.
import type { Image, ImageReference, Paragraph, PhrasingContent } from 'mdast';
import type { Block } from '../model.js';
import type { Handler } from '../state.js';
import { altText, resolveImage } from './image.js';

export const paragraph: Handler = (state, node: Paragraph, _parent, context) => {
  const lone = loneImage(node);
  const image = lone ? resolveImage(state, lone) : undefined;
  if (lone && image) {
    const blocks: Block[] = [];
    const figures = state.data.meta.layout.figures === true;
    blocks.push({
      kind: 'image',
      role: 'Figure',
      content: image.content,
      width: image.width,
      height: image.height,
      alt: image.alt,
      spaceBefore: 6,
      spaceAfter: figures ? 2 : 10,
      ...(figures ? { keepWithNext: true } : {}),
    });
    if (figures) {
      const number = ++state.counters.figures;
      const caption = state.theme.roles.caption;
      const style = state.style('caption');
      blocks.push({
        kind: 'paragraph',
        role: 'Caption',
        inlines: [{ kind: 'text', text: `${state.labels.figure} ${number}${image.alt ? `. ${image.alt}` : ''}`, style }],
        align: 'center',
        lineHeight: caption.lineHeight,
        whiteSpace: 'normal',
        style,
        spaceBefore: caption.spaceBefore,
        spaceAfter: caption.spaceAfter,
      });
    }
    return blocks;
  }
  // An image that cannot be drawn was reported once: its alt text stands in.
  const inlines = lone ? altText(state, lone, context) : state.inlines(node, context);
  if (!inlines.some((inline) => inline.kind !== 'anchor')) return undefined;
  return state.paragraph(inlines, context);
};

function loneImage(node: Paragraph): Image | ImageReference | undefined {
  const meaningful = node.children.filter((child: PhrasingContent) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = meaningful;
  return meaningful.length === 1 && (only?.type === 'image' || only?.type === 'imageReference') ? only : undefined;
}
