// Headings: the theme's sizes and spacing, kept with the next block, and a
// named destination with the heading's id (the same id as HTML and DOCX).
import type { Heading } from 'mdast';
import type { ParagraphBlock, StructRole } from '../model.js';
import type { Handler } from '../state.js';

export const heading: Handler = (state, node: Heading, _parent, context) => {
  const depth = Math.min(Math.max(node.depth, 1), 6) as 1 | 2 | 3 | 4 | 5 | 6;
  const roleName = `h${depth}` as const;
  const role = state.theme.roles[roleName];
  const style = state.style(roleName);
  const inlines = state.inlines(node, { ...context, style });
  const block: ParagraphBlock = {
    kind: 'paragraph',
    role: `H${depth}` as StructRole,
    inlines,
    align: 'left',
    lineHeight: role.lineHeight,
    whiteSpace: 'normal',
    style,
    spaceBefore: role.spaceBefore,
    spaceAfter: role.spaceAfter,
    keepWithNext: true,
  };
  const id = node.data?.id;
  if (id) block.id = id;
  return block;
};
