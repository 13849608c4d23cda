// Drawing operations moved (a line placed in a table cell, a list label),
// given to a structure element, or made artifacts (a table header repeated
// on a later page).
import type { Op, StructNode } from './model.js';

/** The operations moved by (dx, dy). */
export function shift(ops: readonly Op[], dx: number, dy: number): Op[] {
  return ops.map((op): Op => {
    switch (op.op) {
      case 'text':
        return { ...op, y: op.y + dy, runs: dx === 0 ? op.runs : op.runs.map((run) => ({ ...run, words: run.words.map((word) => ({ text: word.text, x: word.x + dx })) })) };
      case 'line':
        return { ...op, x1: op.x1 + dx, x2: op.x2 + dx, y1: op.y1 + dy, y2: op.y2 + dy };
      case 'dest':
        return { ...op, y: op.y + dy };
      case 'pageRef':
        return { ...op, left: op.left + dx, right: op.right + dx, y: op.y + dy };
      default:
        return { ...op, x: op.x + dx, y: op.y + dy };
    }
  });
}

/** Gives the content of freshly laid out operations to `node` (in place). */
export function tag(ops: readonly Op[], node: StructNode | undefined): void {
  if (!node) return;
  for (const op of ops) {
    if (op.op === 'text') for (const run of op.runs) run.tag = node;
    else if (op.op === 'object' || op.op === 'link' || op.op === 'pageRef') op.tag = node;
  }
}

/** Copies of the operations that belong to no structure element (artifacts). */
export function untag(ops: readonly Op[]): Op[] {
  return ops.map((op): Op => {
    if (op.op === 'text') {
      return {
        ...op,
        runs: op.runs.map((run) => {
          const { tag: _tag, ...rest } = run;
          return rest;
        }),
      };
    }
    if (op.op === 'object' || op.op === 'link' || op.op === 'pageRef') {
      const { tag: _tag, ...rest } = op;
      return rest as Op;
    }
    return op;
  });
}
