// galley's DOCX handlers, by mdast node type: one file per type. User
// handlers (`options.docx.handlers`) are merged over them, and the unknown
// handler takes any other type.
import type { Handlers } from '../state.js';
import { blockquote } from './blockquote.js';
import { breakHandler } from './break.js';
import { code } from './code.js';
import { definition } from './definition.js';
import { deleteHandler } from './delete.js';
import { emphasis } from './emphasis.js';
import { footnoteDefinition } from './footnote-definition.js';
import { footnoteReference } from './footnote-reference.js';
import { heading } from './heading.js';
import { html } from './html.js';
import { image } from './image.js';
import { imageReference } from './image-reference.js';
import { inlineCode } from './inline-code.js';
import { inlineMath } from './inline-math.js';
import { link } from './link.js';
import { linkReference } from './link-reference.js';
import { list } from './list.js';
import { listItem } from './list-item.js';
import { math } from './math.js';
import { pageBreak } from './page-break.js';
import { paragraph } from './paragraph.js';
import { root } from './root.js';
import { strong } from './strong.js';
import { table } from './table.js';
import { tableCell } from './table-cell.js';
import { tableRow } from './table-row.js';
import { text } from './text.js';
import { thematicBreak } from './thematic-break.js';
import { yaml } from './yaml.js';

export { unknown as unknownHandler } from './unknown.js';

export const defaultHandlers: Handlers = {
  root,
  paragraph,
  heading,
  thematicBreak,
  blockquote,
  list,
  listItem,
  html,
  code,
  definition,
  footnoteDefinition,
  text,
  emphasis,
  strong,
  delete: deleteHandler,
  inlineCode,
  break: breakHandler,
  link,
  image,
  linkReference,
  imageReference,
  footnoteReference,
  table,
  tableRow,
  tableCell,
  yaml,
  math,
  inlineMath,
  pageBreak,
};
