// Paragraphs. An image alone in its paragraph is a block image: centred,
// scaled to the text width and the page. With alt text or a title it is a
// figure: numbered, with a caption ("Figure 3: …" in the document's
// language) that stays on its page, unless front matter `figures: false`
// or the `figures` option turns captions off.
import type { Image, ImageReference, Paragraph, PhrasingContent } from 'mdast';
import type { Block, Inline } from '../model.js';
import type { Handler, State } from '../state.js';
import { altText, resolveImage } from './image.js';

export const paragraph: Handler = (state, node: Paragraph, _parent, context) => {
  const lone = loneImage(node);
  const image = lone ? resolveImage(state, lone) : undefined;
  if (lone && image) {
    const text = image.alt || image.title;
    const figure = captions(state) && text !== '';
    const blocks: Block[] = [
      {
        kind: 'image',
        role: 'Figure',
        content: image.content,
        width: image.width,
        height: image.height,
        alt: image.alt || image.title,
        spaceBefore: 6,
        spaceAfter: figure ? 4 : 10,
        ...(figure ? { keepWithNext: true } : {}),
      },
    ];
    if (figure) {
      const number = ++state.counters.figures;
      const caption = state.theme.roles.caption;
      const style = state.style('caption');
      const inlines: Inline[] = [
        { kind: 'text', text: `${state.labels.figure}\u00A0${number}${state.labels.colon}`, style: { ...style, italic: false, bold: true } },
        { kind: 'text', text, style },
      ];
      blocks.push({
        kind: 'paragraph',
        role: 'Caption',
        inlines,
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

/** Figures get captions: front matter `figures` first, then the option. */
function captions(state: State): boolean {
  return state.data.meta.layout.figures ?? state.options.figures;
}

function loneImage(node: Paragraph): Image | ImageReference | undefined {
  const meaningful = node.children.filter((child: PhrasingContent) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = meaningful;
  return meaningful.length === 1 && (only?.type === 'image' || only?.type === 'imageReference') ? only : undefined;
}
