// A table row: one cell per column of the grid (GFM lets rows have fewer
// cells: the rest are empty; extra cells are dropped, as GFM says). The
// header row repeats on every page and is not split across pages.
import type { TableCell, TableRow } from 'mdast';
import type { DocxState } from '../state.js';

export function tableRow(state: DocxState, node: TableRow): string {
  const columns = state.context.table?.widths.length ?? node.children.length;
  const cells: TableCell[] = node.children.slice(0, columns);
  while (cells.length < columns) cells.push({ type: 'tableCell', children: [] });
  const row: TableRow = { ...node, children: cells };
  const header = state.context.headerRow === true;
  const properties = header ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '';
  return `<w:tr>${properties}${state.all(row, { headerRow: false }, (_cell, column) => ({ column, headerRow: header }))}</w:tr>`;
}
