// The document: the title block (for titles from front matter), the table
// of contents (`toc: true`: linked entries; page numbers come with the
// paginator's second pass in a later version), the body, then the notes.
import type { Root } from 'mdast';
import type { Block, Inline, ParagraphBlock } from '../model.js';
import type { Context, Handler, State } from '../state.js';
import { callId, noteId } from './footnote-reference.js';

export const defaultTocDepth = 3;

export const root: Handler = (state, node: Root, _parent, context) => {
  const body = state.blocks(node, context);
  const title = titleBlock(state, context);
  const toc = state.data.meta.toc ? contents(state, context) : [];
  if (toc.length > 0) {
    const heading = titleHeadingId(state);
    const index = heading ? body.findIndex((block) => block.id === heading) : -1;
    body.splice(index + 1, 0, ...toc);
  }
  return [...title, ...body, ...notes(state, context)];
};

function line(state: State, text: string, role: 'title' | 'subtitle' | 'body', extra: Partial<ParagraphBlock> = {}): ParagraphBlock {
  const style = state.style(role);
  const theme = state.theme.roles[role];
  return {
    kind: 'paragraph',
    role: role === 'title' ? 'Title' : 'P',
    inlines: [{ kind: 'text', text, style }],
    align: 'left',
    lineHeight: theme.lineHeight,
    whiteSpace: 'normal',
    style,
    spaceBefore: theme.spaceBefore,
    spaceAfter: theme.spaceAfter,
    ...extra,
  };
}

function titleBlock(state: State, _context: Context): Block[] {
  const meta = state.data.meta;
  if (meta.titleSource !== 'front-matter') return [];
  const blocks: Block[] = [line(state, meta.title, 'title')];
  if (meta.subtitle) blocks.push(line(state, meta.subtitle, 'subtitle'));
  const muted = state.theme.colors.muted;
  const small = (text: string): ParagraphBlock => {
    const block = line(state, text, 'body', { spaceAfter: 0 });
    const style = { ...block.style, color: muted };
    return { ...block, style, inlines: [{ kind: 'text', text, style }] };
  };
  for (const author of meta.authors) blocks.push(small(author.affiliation ? `${author.name}, ${author.affiliation}` : author.name));
  if (meta.date) blocks.push(small(meta.date));
  const last = blocks.at(-1) as ParagraphBlock;
  last.spaceAfter = Math.max(last.spaceAfter, 18);
  return blocks;
}

function titleHeadingId(state: State): string | undefined {
  const { meta, outline } = state.data;
  if (meta.titleSource !== 'heading') return undefined;
  return (outline.find((entry) => entry.depth === 1) ?? outline[0])?.id;
}

function contents(state: State, context: Context): Block[] {
  const { meta, outline } = state.data;
  const depth = meta.layout.tocDepth ?? defaultTocDepth;
  const title = titleHeadingId(state);
  const entries = outline.filter((entry) => entry.id && entry.id !== title && entry.depth <= depth && state.destinations.has(entry.id));
  if (entries.length === 0) return [];
  const top = Math.min(...entries.map((entry) => entry.depth));
  const h2 = state.theme.roles.h2;
  const headingStyle = state.style('h2');
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      role: 'H2',
      inlines: [{ kind: 'text', text: state.labels.contents, style: headingStyle }],
      align: 'left',
      lineHeight: h2.lineHeight,
      whiteSpace: 'normal',
      style: headingStyle,
      spaceBefore: h2.spaceBefore,
      spaceAfter: h2.spaceAfter,
      keepWithNext: true,
    },
  ];
  const link = state.theme.roles.link;
  for (const entry of entries) {
    const style = { ...context.style, color: link.color, link: { dest: entry.id } };
    blocks.push({
      kind: 'container',
      role: 'Div',
      indent: (entry.depth - top) * 14,
      spaceBefore: 0,
      spaceAfter: 2,
      children: [{ ...state.paragraph([{ kind: 'text', text: entry.text, style }], { ...context, align: 'left' }), spaceBefore: 0, spaceAfter: 0 }],
    });
  }
  (blocks.at(-1) as Block).spaceAfter = 14;
  return blocks;
}

function notes(state: State, context: Context): Block[] {
  const ids = state.data.footnotes.filter((id) => state.footnoteDefinitions.has(id));
  if (ids.length === 0) return [];
  const role = state.theme.roles.footnote;
  const style = state.style('footnote');
  const noteContext: Context = { ...context, style, paragraphRole: 'footnote', tight: false, listDepth: 0 };
  const h = state.theme.roles.h4;
  const headingStyle = { ...state.style('h4'), size: Math.max(role.size, h.size - 1) };
  const blocks: Block[] = [
    { kind: 'rule', role: 'Artifact', color: state.theme.colors.rule, thickness: 0.5, spaceBefore: 18, spaceAfter: 6 },
    {
      kind: 'paragraph',
      role: 'H2',
      inlines: [{ kind: 'text', text: state.labels.footnotes, style: headingStyle }],
      align: 'left',
      lineHeight: h.lineHeight,
      whiteSpace: 'normal',
      style: headingStyle,
      spaceBefore: 0,
      spaceAfter: 6,
      keepWithNext: true,
    },
  ];
  const linkColor = state.theme.roles.link.color;
  for (const id of ids) {
    const definition = state.footnoteDefinitions.get(id);
    const number = state.footnoteNumbers.get(id);
    if (!definition || number === undefined) continue;
    const children = state.blocks(definition, noteContext);
    const back: Inline = { kind: 'text', text: ' ↩', style: { ...style, color: linkColor, link: { dest: callId(id) } } };
    const last = children.at(-1);
    if (last?.kind === 'paragraph') last.inlines.push(back);
    else children.push(state.paragraph([back], noteContext));
    blocks.push({
      kind: 'container',
      role: 'Note',
      id: noteId(id),
      indent: style.size * 1.8,
      marker: [{ kind: 'text', text: `${number}.`, style }],
      children,
      spaceBefore: 0,
      spaceAfter: role.spaceAfter,
    });
  }
  return blocks;
}
