// galley's PDF handlers, by mdast node type. User handlers from
// `options.pdf.handlers` sit over them.
import type { Handler } from '../state.js';
import { blockquote } from './blockquote.js';
import { hardBreak } from './break.js';
import { code } from './code.js';
import { strikethrough } from './delete.js';
import { emphasis } from './emphasis.js';
import { footnoteDefinition } from './footnote-definition.js';
import { footnoteReference } from './footnote-reference.js';
import { heading } from './heading.js';
import { html } from './html.js';
import { ignore } from './ignore.js';
import { image, imageReference } from './image.js';
import { inlineCode } from './inline-code.js';
import { link, linkReference } from './link.js';
import { list, listItem } from './list.js';
import { inlineMath, math } from './math.js';
import { pageBreak } from './page-break.js';
import { paragraph } from './paragraph.js';
import { root } from './root.js';
import { strong } from './strong.js';
import { table, tableRow } from './table.js';
import { text } from './text.js';
import { thematicBreak } from './thematic-break.js';

export { unknown as unknownHandler } from './unknown.js';

export const defaultHandlers: Record<string, Handler> = {
  root,
  paragraph,
  heading,
  text,
  emphasis,
  strong,
  delete: strikethrough,
  inlineCode,
  break: hardBreak,
  link,
  linkReference,
  image,
  imageReference,
  footnoteReference,
  footnoteDefinition,
  blockquote,
  list,
  listItem,
  code,
  table,
  tableRow,
  tableCell: (state, node, _parent, context) => state.inlines(node, context),
  thematicBreak,
  pageBreak,
  html,
  math,
  inlineMath,
  definition: ignore,
  yaml: ignore,
};
