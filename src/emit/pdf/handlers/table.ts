// GFM tables: the first row is the header (styled, and repeated on every
// page the table spans), cells keep the column's alignment.
import type { Table, TableRow } from 'mdast';
import type { TableRow as RowBox, TextStyle } from '../model.js';
import type { Context, Handler } from '../state.js';

export const table: Handler = (state, node: Table, _parent, context) => {
  const roles = state.theme.roles;
  const headerStyle = { ...state.style('tableHeader'), size: roles.tableHeader.size * (context.style.size / roles.body.size) };
  const bodyStyle = { ...state.style('table'), size: roles.table.size * (context.style.size / roles.body.size) };
  const row = (tableRow: TableRow, style: TextStyle): RowBox => ({
    cells: tableRow.children.map((cell) => ({ inlines: state.inlines(cell, cellContext(context, style)) })),
  });
  const [first, ...rest] = node.children;
  return {
    kind: 'table',
    role: 'Table',
    align: (node.align ?? []).map((align) => align ?? 'left'),
    ...(first ? { header: row(first, headerStyle) } : {}),
    rows: rest.map((tableRow) => row(tableRow, bodyStyle)),
    headerStyle,
    bodyStyle,
    lineHeight: roles.table.lineHeight,
    ...(roles.tableHeader.background ? { headerBackground: roles.tableHeader.background } : {}),
    borderColor: state.theme.colors.border,
    padding: 4,
    spaceBefore: Math.max(roles.table.spaceBefore, roles.body.spaceAfter),
    spaceAfter: roles.table.spaceAfter,
  };
};

function cellContext(context: Context, style: TextStyle): Context {
  return { ...context, style, align: 'left', tight: true };
}

export const tableRow: Handler = (state, node: TableRow, _parent, context) => state.inlines(node, context);
