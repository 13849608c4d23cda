// A table cell: its width from the grid, one paragraph in the Table Heading
// or Table Contents style, aligned as its column.
import type { TableCell } from 'mdast';
import { hex, paragraph } from '../properties.js';
import type { DocxState } from '../state.js';
import { tableCellPadding } from '../styles.js';

export function tableCell(state: DocxState, node: TableCell): string {
  const context = state.context;
  const column = context.column ?? 0;
  const width = context.table?.widths[column] ?? 1440;
  const align = context.table?.align[column];
  const header = context.headerRow === true;
  const background = state.theme.roles.tableHeader.background;
  const properties =
    `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>` +
    (header && background ? `<w:shd w:val="clear" w:color="auto" w:fill="${hex(background)}"/>` : '') +
    '</w:tcPr>';
  const content = state.all(node, {
    phrasing: true,
    inTable: true,
    indent: 0,
    width: Math.max(width - 2 * tableCellPadding.horizontal, 200),
    lead: undefined,
  });
  return `<w:tc>${properties}${paragraph({ style: header ? 'TableHeading' : 'TableContents', align }, content)}</w:tc>`;
}
