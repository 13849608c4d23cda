// Structural limits, so that deep or huge input fails with a named error
// instead of a stack overflow in an emitter or minutes in the parser.
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Limits } from '../limits.js';

/** Container markers (`>`, `-`, `*`, `+`, `1.`) opening a line. */
const containerPrefix = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))+/;
/** A run of emphasis markers: each pair opens one level. */
const delimiterRun = /([*_])\1*/g;

/**
 * Before parsing: micromark's cost explodes with nesting (1,000 nested list
 * items take a minute, 20,000 nested emphasis markers half a minute), so a
 * line that opens more containers than the limit, is indented further than
 * the deepest allowed nesting could need (4 columns a level), or holds a run
 * of `*` or `_` longer than two a level, is refused up front.
 */
export function checkSourceNesting(text: string, file: VFile, limits: Limits): void {
  const maxIndent = limits.maxNestingDepth * 4;
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const first = text.charCodeAt(start);
    // Only lines starting with a space, tab, `>`, a bullet or a digit can open containers.
    if (first === 32 || first === 9 || first === 62 || first === 45 || first === 42 || first === 43 || (first >= 48 && first <= 57)) {
      const prefix = containerPrefix.exec(text.slice(start, Math.min(end, start + maxIndent * 2)));
      const markers = prefix ? prefix[0].replace(/\d+/g, '1').replace(/[ \t]/g, '').length : 0;
      const indent = indentWidth(text, start, end);
      if (markers > limits.maxNestingDepth || indent > maxIndent) failDeep(file, limits, line);
    }
    if (end - start > limits.maxNestingDepth * 2 && longestDelimiterRun(text.slice(start, end)) > limits.maxNestingDepth * 2) {
      failDeep(file, limits, line);
    }
    start = end + 1;
  }
}

function failDeep(file: VFile, limits: Limits, line: number | undefined): never {
  return file.fail(`content is nested more than ${limits.maxNestingDepth} levels deep`, {
    place: line === undefined ? undefined : { line, column: 1 },
    ruleId: 'nesting-depth',
    source: 'galley',
  });
}

// A line made of one marker only is a thematic break or a setext underline, not emphasis.
function longestDelimiterRun(line: string): number {
  if (/^[ \t]*([*_])(?:[ \t]*\1)*[ \t]*$/.test(line)) return 0;
  let longest = 0;
  for (const match of line.matchAll(delimiterRun)) longest = Math.max(longest, match[0].length);
  return longest;
}

function indentWidth(text: string, start: number, end: number): number {
  let width = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) width++;
    else if (code === 9) width += 4 - (width % 4);
    else break;
  }
  return width;
}

export function checkStructure(tree: Root, file: VFile, limits: Limits): void {
  const stack: Array<[Nodes, number]> = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Nodes, number];
    if (depth > limits.maxNestingDepth) failDeep(file, limits, node.position?.start.line);
    if (node.type === 'table') {
      const cells = node.children.reduce((sum, row) => sum + row.children.length, 0);
      if (cells > limits.maxTableCells) {
        file.fail(`table has ${cells} cells, over the ${limits.maxTableCells}-cell limit`, {
          place: node.position,
          ruleId: 'table-cells',
          source: 'galley',
        });
      }
    }
    if ('children' in node) for (const child of node.children) stack.push([child as Nodes, depth + 1]);
  }
}
