// The document: the title area (for a title block in the front matter:
// title, subtitle, authors, the date in the document's language), the table
// of contents (`toc: true`: linked entries with dot leaders and the page
// numbers the layout fills in; the body then starts on a new page), and
// the body. Footnotes go to the foot of their pages (footnotes.ts).
import type { Root } from 'mdast';
import { formatDate } from '../../locale.js';
import type { Block, ParagraphBlock, TextStyle } from '../model.js';
import type { Context, Handler, State } from '../state.js';

export const defaultTocDepth = 3;

export const root: Handler = (state, node: Root, _parent, context) => {
  const body = state.blocks(node, context);
  const title = titleBlock(state);
  const toc = state.data.meta.toc ? contents(state, context) : [];
  if (toc.length > 0) {
    const heading = titleHeadingId(state);
    const index = heading ? body.findIndex((block) => block.id === heading) : -1;
    const next = body[index + 1];
    const breakAfter: Block[] = next && next.kind !== 'pageBreak' ? [{ kind: 'pageBreak', role: 'Artifact', spaceBefore: 0, spaceAfter: 0 }] : [];
    body.splice(index + 1, 0, ...toc, ...breakAfter);
  }
  return [...title, ...body];
};

function line(state: State, text: string, role: 'title' | 'subtitle' | 'body', extra: Partial<ParagraphBlock> = {}, style: TextStyle = state.style(role)): ParagraphBlock {
  const theme = state.theme.roles[role];
  return {
    kind: 'paragraph',
    role: role === 'title' ? 'Title' : 'P',
    inlines: [{ kind: 'text', text, style }],
    align: 'center',
    lineHeight: theme.lineHeight,
    whiteSpace: 'normal',
    style,
    spaceBefore: theme.spaceBefore,
    spaceAfter: theme.spaceAfter,
    ...extra,
  };
}

function titleBlock(state: State): Block[] {
  const meta = state.data.meta;
  if (meta.titleSource !== 'front-matter') return [];
  const body = state.theme.roles.body;
  const blocks: Block[] = [line(state, meta.title, 'title', { spaceBefore: body.size * 2, spaceAfter: body.size * 0.6, keepWithNext: true })];
  if (meta.subtitle) blocks.push(line(state, meta.subtitle, 'subtitle', { keepWithNext: true }));
  const people = { ...state.style('body'), size: body.size * 1.05 };
  for (const author of meta.authors) {
    const affiliation = author.affiliation ? `, ${author.affiliation}` : '';
    blocks.push(line(state, `${author.name}${affiliation}`, 'body', { spaceBefore: 0, spaceAfter: 1, keepWithNext: true }, people));
  }
  if (meta.date) blocks.push(line(state, formatDate(meta.date, meta.lang), 'body', { spaceBefore: body.size * 0.5, spaceAfter: 0 }, { ...people, color: state.theme.colors.muted }));
  const last = blocks.at(-1) as ParagraphBlock;
  last.keepWithNext = false;
  blocks.push({ kind: 'rule', role: 'Artifact', color: state.theme.colors.rule, thickness: 0.75, spaceBefore: body.size * 1.4, spaceAfter: body.size * 1.8 });
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
  const entryBlocks: Block[] = [];
  const body = state.style('body');
  const dots = state.theme.print?.tocLeader ?? '.';
  const leader = dots ? { text: dots, style: { ...body, color: state.theme.colors.muted }, step: body.size * 0.5 } : undefined;
  for (const entry of entries) {
    const level = entry.depth - top;
    const style: TextStyle = level === 0 ? { ...body, font: 'sans', bold: true, size: body.size * 0.95 } : body;
    const target = { dest: entry.id };
    const linked: TextStyle = { ...style, link: target };
    const paragraph: ParagraphBlock = {
      ...(state.paragraph([{ kind: 'text', text: entry.text, style: linked }], { ...context, align: 'left' }) as ParagraphBlock),
      spaceBefore: 0,
      spaceAfter: 0,
      hyphenate: false,
      pageRef: { dest: entry.id, style, link: target, ...(leader ? { leader } : {}) },
    };
    entryBlocks.push({
      kind: 'container',
      role: 'TOCI',
      indent: level * body.size * 1.5,
      spaceBefore: level === 0 ? body.size * 0.6 : 1,
      spaceAfter: 1,
      children: [paragraph],
    });
  }
  return [
    {
      kind: 'paragraph',
      role: `H${Math.min(Math.max(top, 1), 6)}` as ParagraphBlock['role'],
      inlines: [{ kind: 'text', text: state.labels.contents, style: headingStyle }],
      align: 'left',
      lineHeight: h2.lineHeight,
      whiteSpace: 'normal',
      style: headingStyle,
      spaceBefore: h2.spaceBefore,
      spaceAfter: h2.spaceAfter + 4,
      keepWithNext: true,
    },
    { kind: 'container', role: 'TOC', indent: 0, spaceBefore: 0, spaceAfter: 14, children: entryBlocks },
  ];
}
