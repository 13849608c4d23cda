// The footnotes' text, one block per note, for the layout to place at the
// foot of the page that first calls it: the number hanging in the margin,
// the note's content in the footnote style, and a link back to the call.
import type { Block, Inline } from '../model.js';
import type { Context, State } from '../state.js';
import { callId, noteId } from './footnote-reference.js';

/** Each referenced note with a definition as a block, by identifier, in reference order. */
export function footnoteBlocks(state: State, context: Context): Map<string, Block> {
  const blocks = new Map<string, Block>();
  const role = state.theme.roles.footnote;
  const style = state.style('footnote');
  const noteContext: Context = { ...context, style, paragraphRole: 'footnote', tight: false, listDepth: 0 };
  const linkColor = state.theme.roles.link.color;
  for (const id of state.data.footnotes) {
    const definition = state.footnoteDefinitions.get(id);
    const number = state.footnoteNumbers.get(id);
    if (!definition || number === undefined || blocks.has(id)) continue;
    const children = state.blocks(definition, noteContext);
    for (const child of children) if (child.kind === 'paragraph') child.spaceBefore = Math.min(child.spaceBefore, role.spaceAfter);
    const back: Inline = { kind: 'text', text: '\u00A0↩', style: { ...style, color: linkColor, link: { dest: callId(id) } } };
    const last = children.at(-1);
    if (last?.kind === 'paragraph') last.inlines.push(back);
    else children.push(state.paragraph([back], noteContext));
    blocks.set(id, {
      kind: 'container',
      role: 'Note',
      id: noteId(id),
      indent: style.size * 1.8,
      marker: [{ kind: 'text', text: `${number}.`, style }],
      children,
      spaceBefore: 0,
      spaceAfter: 0,
    });
  }
  return blocks;
}
