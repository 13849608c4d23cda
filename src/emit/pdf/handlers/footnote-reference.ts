// A footnote call: its number, raised and linked to the note; the call
// itself is a destination the note links back to, and tells the layout to
// put the note at the foot of its page. Notes are numbered by first
// reference (the parse stage's order), as in every format.
import type { FootnoteReference } from 'mdast';
import type { Inline } from '../model.js';
import type { Handler } from '../state.js';

export const noteId = (identifier: string) => `fn-${identifier}`;
export const callId = (identifier: string, call = 1) => `fnref-${identifier}${call > 1 ? `-${call}` : ''}`;

export const footnoteReference: Handler = (state, node: FootnoteReference, _parent, context) => {
  const number = state.footnoteNumbers.get(node.identifier);
  if (number === undefined) return { kind: 'text', text: `[^${node.label ?? node.identifier}]`, style: context.style };
  const call = (state.footnoteCalls.get(node.identifier) ?? 0) + 1;
  state.footnoteCalls.set(node.identifier, call);
  const style = context.style;
  const inlines: Inline[] = [
    { kind: 'anchor', id: callId(node.identifier, call), note: node.identifier },
    {
      kind: 'text',
      text: String(number),
      style: {
        ...style,
        size: style.size * 0.72,
        rise: (style.rise ?? 0) + style.size * 0.36,
        color: state.theme.roles.link.color,
        underline: false,
        link: { dest: noteId(node.identifier) },
      },
    },
  ];
  return inlines;
};
