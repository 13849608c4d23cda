// Tables: column widths from content (as browsers do for automatic layout),
// cell text wrapped within its column, one box per row. A row taller than
// what is left of a page splits between two lines of its cells, keeping at
// least two lines of each cell together on either side; the header row is
// a box of its own that the paginator repeats on every page. Each cell's
// lines belong to the cell's structure element (TH or TD).
import { shift, tag } from './ops.js';
import type { VBox } from './paginate.js';
import type { Line } from './line-box.js';
import { breakLines } from './lines.js';
import { prepare, type Prepared } from './segments.js';
import type { Metrics, Op, TableBlock } from './model.js';

interface Column {
  x: number;
  width: number;
  padding: number;
  align: 'left' | 'right' | 'center';
}

/** Column widths for minimum and maximum content widths within `available` points. */
export function columnWidths(min: readonly number[], max: readonly number[], available: number): number[] {
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMax <= available) return [...max];
  if (sumMin <= available && sumMax > sumMin) {
    const ratio = (available - sumMin) / (sumMax - sumMin);
    return min.map((value, i) => value + ((max[i] as number) - value) * ratio);
  }
  // Even the narrowest content does not fit: share the width in proportion (cells cut their words).
  const total = sumMin > 0 ? sumMin : min.length;
  return min.map((value) => available * ((sumMin > 0 ? value : 1) / total));
}

export function layoutTable(table: TableBlock, x: number, width: number, metrics: Metrics): { header: VBox[]; rows: VBox[] } {
  const count = table.rows.reduce((most, row) => Math.max(most, row.cells.length), Math.max(1, table.header?.cells.length ?? 0));
  const rowOf = (row: TableBlock['rows'][number] | undefined) => row?.cells ?? [];
  const prepareRow = (cells: TableBlock['rows'][number]['cells'], header: boolean): Prepared[] =>
    Array.from({ length: count }, (_, i) =>
      prepare(cells[i]?.inlines ?? [], { whiteSpace: 'normal', lineHeight: table.lineHeight, strut: header ? table.headerStyle : table.bodyStyle }, metrics),
    );
  const header = table.header ? prepareRow(table.header.cells, true) : undefined;
  const body = table.rows.map((row) => prepareRow(row.cells, false));

  const padding = table.padding;
  const min = new Array<number>(count).fill(0);
  const max = new Array<number>(count).fill(0);
  for (const row of header ? [header, ...body] : body) {
    row.forEach((cell, i) => {
      min[i] = Math.max(min[i] as number, cell.minWidth + 2 * padding);
      max[i] = Math.max(max[i] as number, cell.maxWidth + 2 * padding);
    });
  }
  const widths = columnWidths(min, max, width);
  const columns: Column[] = [];
  let left = x;
  widths.forEach((w, i) => {
    columns.push({ x: left, width: w, padding: Math.min(padding, w * 0.2), align: table.align[i] ?? 'left' });
    left += w;
  });
  const right = left;
  const border = 0.5;
  const strutHeight = Math.max(table.bodyStyle.size, table.headerStyle.size) * table.lineHeight;

  const rowBox = (cells: Line[][], isHeader: boolean, top: boolean, notes?: string[]): VBox => {
    const contentHeight = Math.max(strutHeight * (cells.some((lines) => lines.length > 0) ? 0 : 1), ...cells.map(heightOf));
    const rowPadding = Math.min(...columns.map((c) => c.padding), padding);
    const height = contentHeight + 2 * rowPadding;
    const ops: Op[] = [];
    if (isHeader && table.headerBackground) ops.push({ op: 'rect', x, y: 0, w: right - x, h: height, fill: table.headerBackground });
    cells.forEach((lines, i) => {
      let y = rowPadding;
      for (const line of lines) {
        ops.push(...shift(line.ops, 0, y));
        y += line.height;
      }
    });
    const line = (x1: number, y1: number, x2: number, y2: number, w = border): Op => ({ op: 'line', x1, y1, x2, y2, width: w, color: table.borderColor });
    if (top) ops.push(line(x, 0, right, 0));
    ops.push(line(x, height, right, height, isHeader ? border * 2 : border));
    for (const column of columns) ops.push(line(column.x, 0, column.x, height));
    ops.push(line(right, 0, right, height));
    const box: VBox = { kind: 'box', height, ops };
    if (notes && notes.length > 0) box.notes = notes;
    box.split = (available, strict) => {
      const room = available - 2 * rowPadding;
      const head: Line[][] = [];
      const rest: Line[][] = [];
      let progress = false;
      for (const lines of cells) {
        let used = 0;
        let taken = 0;
        while (taken < lines.length && used + (lines[taken] as Line).height <= room) {
          used += (lines[taken] as Line).height;
          taken++;
        }
        // Two lines of a cell at least on each side of the break (one when the page is empty).
        if (strict && taken < lines.length) {
          if (lines.length - taken < 2) taken = lines.length - 2;
          if (taken < 2) taken = 0;
        }
        if (taken > 0) progress = true;
        head.push(lines.slice(0, taken));
        rest.push(lines.slice(taken));
      }
      if (!progress || rest.every((lines) => lines.length === 0)) return undefined;
      if (strict && head.some((lines, i) => lines.length === 0 && (cells[i] as Line[]).length > 0)) return undefined;
      return [rowBox(head, isHeader, top), rowBox(rest, isHeader, true)];
    };
    return box;
  };

  const breakRow = (row: Prepared[], source: TableBlock['rows'][number] | undefined): Line[][] =>
    row.map((cell, i) => {
      const column = columns[i] as Column;
      const lines = breakLines(cell, { x: column.x + column.padding, width: Math.max(column.width - 2 * column.padding, 1), align: column.align }, metrics);
      const node = rowOf(source)[i]?.struct;
      for (const line of lines) tag(line.ops, node);
      return lines;
    });
  const notesOf = (cells: Line[][]): string[] => cells.flatMap((lines) => lines.flatMap((line) => line.notes));
  const headerLines = header ? breakRow(header, table.header) : undefined;
  const headerBoxes = headerLines ? [rowBox(headerLines, true, true, notesOf(headerLines))] : [];
  const rows = body.map((row, index) => {
    const lines = breakRow(row, table.rows[index]);
    return rowBox(lines, false, !header && index === 0, notesOf(lines));
  });
  return { header: headerBoxes, rows };
}

function heightOf(lines: readonly Line[]): number {
  let total = 0;
  for (const line of lines) total += line.height;
  return total;
}
