// Column widths for a GFM table, computed from its content the way a
// browser's automatic table layout does it: each column wants the width of
// its longest line and needs at least the width of its longest word; when
// everything fits on one line the table is as wide as its content, else the
// columns share the text width in proportion to what they want beyond what
// they need. The widths are written as an explicit grid (`w:tblGrid`,
// fixed layout) so that Word, LibreOffice and Google Docs keep them.
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Alignment, TableLayout } from './state.js';
import { tableCellPadding } from './styles.js';

/**
 * Average advance of a character, as a fraction of the font size: generous,
 * since a reader without the theme's font substitutes a wider one.
 */
const averageAdvance = 0.6;
/** Narrowest column, in twips. */
const minimumColumn = 400;

export function tableLayout(node: Table, available: number, fontSize: number): TableLayout {
  // The header row sets the number of columns (GFM: shorter rows are padded,
  // longer ones cut).
  const columns = Math.max(node.align?.length || node.children[0]?.children.length || 1, 1);
  const twipsPerChar = fontSize * averageAdvance * 20;
  const padding = 2 * tableCellPadding.horizontal;
  const want = new Array<number>(columns).fill(0);
  const need = new Array<number>(columns).fill(0);
  node.children.forEach((row, rowIndex) => {
    row.children.forEach((cell, column) => {
      if (column >= columns) return;
      const value = toString(cell);
      const factor = rowIndex === 0 ? 1.15 : 1;
      const longestWord = value.split(/\s+/).reduce((longest, word) => Math.max(longest, [...word].length), 0);
      want[column] = Math.max(want[column] as number, ([...value].length + 1) * twipsPerChar * factor + padding);
      need[column] = Math.max(need[column] as number, (longestWord + 1) * twipsPerChar * factor + padding);
    });
  });
  const wanted = want.map((w) => Math.max(w, minimumColumn));
  const needed = need.map((n, i) => Math.min(Math.max(n, minimumColumn), wanted[i] as number));
  const sumWanted = sum(wanted);
  const sumNeeded = sum(needed);
  let widths: number[];
  if (sumWanted <= available) widths = wanted;
  else if (sumNeeded >= available) widths = needed.map((n) => (n * available) / sumNeeded);
  else {
    const share = (available - sumNeeded) / (sumWanted - sumNeeded);
    widths = needed.map((n, i) => n + ((wanted[i] as number) - n) * share);
  }
  const align: Array<Alignment | undefined> = [];
  for (let column = 0; column < columns; column++) align.push(node.align?.[column] ?? undefined);
  return { widths: widths.map((w) => Math.max(1, Math.floor(w))), align };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
