// Moving drawing operations (a line placed in a table cell, a list label).
import type { Op } from './model.js';

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
      default:
        return { ...op, x: op.x + dx, y: op.y + dy };
    }
  });
}
