// GFM tables in the Table style: an explicit grid of column widths computed
// from the content (../table-layout.ts), a thin border grid, and the header
// row marked to repeat at the top of every page the table runs onto. An
// empty paragraph as tall as the theme's space after tables follows it: Word
// has no space after a table, and two tables that touch would merge.
import type { Table } from 'mdast';
import { ptToTwip } from '../../../theme/index.js';
import { hex } from '../properties.js';
import type { DocxState } from '../state.js';
import { tableBorders, tableCellMargins } from '../styles.js';
import { tableLayout } from '../table-layout.js';

export function table(state: DocxState, node: Table): string {
  const context = state.context;
  const layout = tableLayout(node, context.width, state.theme.roles.table.size);
  const total = layout.widths.reduce((a, b) => a + b, 0);
  const properties =
    '<w:tblPr><w:tblStyle w:val="Table"/>' +
    (state.meta.dir === 'rtl' ? '<w:bidiVisual/>' : '') +
    `<w:tblW w:w="${total}" w:type="dxa"/>` +
    // Right-to-left tables stand at the right margin (LibreOffice needs it said).
    (state.meta.dir === 'rtl' ? '<w:jc w:val="right"/>' : '') +
    (context.indent ? `<w:tblInd w:w="${context.indent}" w:type="dxa"/>` : '') +
    tableBorders(hex(state.theme.colors.border)) +
    '<w:tblLayout w:type="fixed"/>' +
    tableCellMargins() +
    '<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>';
  const grid = `<w:tblGrid>${layout.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const rows = state.all(node, { table: layout, headerRow: false, lead: undefined, list: undefined }, (_row, index) =>
    index === 0 ? { headerRow: true } : undefined,
  );
  const space = ptToTwip(state.theme.roles.table.spaceAfter);
  const after = `<w:p><w:pPr><w:pStyle w:val="Normal"/><w:spacing w:before="0" w:after="0" w:line="${Math.max(space, 20)}" w:lineRule="exact"/></w:pPr></w:p>`;
  return `<w:tbl>${properties}${grid}${rows}</w:tbl>${after}`;
}
