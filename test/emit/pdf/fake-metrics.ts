// Fixed-width fake metrics for layout tests: every character is `advance`
// em wide (spaces too), ascent 0.8 em, descent 0.2 em. Characters listed in
// `fallback` go to a second face, so that runs split by face can be seen.
import type { Block, Inline, Metrics, Op, Page, ParagraphBlock, TextStyle } from '../../../src/emit/pdf/model.js';

export function fakeMetrics(options: { advance?: number; fallback?: string } = {}): Metrics & { calls: number } {
  const advance = options.advance ?? 0.5;
  const fallback = new Set(options.fallback ?? '');
  const metrics = {
    calls: 0,
    split(spec: { font: string }, text: string) {
      const runs: Array<{ face: string; text: string }> = [];
      for (const char of text) {
        if (char === '\u00AD' || char === '\u200B') continue;
        const face = fallback.has(char) ? `fallback-${spec.font}` : `fake-${spec.font}`;
        const last = runs.at(-1);
        if (last && last.face === face) last.text += char;
        else runs.push({ face, text: char });
      }
      return runs;
    },
    width(_face: string, text: string, size: number) {
      metrics.calls++;
      return [...text].length * advance * size;
    },
    vertical() {
      return { ascent: 0.8, descent: 0.2 };
    },
  };
  return metrics;
}

export const style: TextStyle = { font: 'serif', bold: false, italic: false, size: 10, color: '#000000' };

export function text(value: string, extra: Partial<TextStyle> = {}): Inline {
  return { kind: 'text', text: value, style: { ...style, ...extra } };
}

export function para(inlines: Inline[] | string, extra: Partial<ParagraphBlock> = {}): ParagraphBlock {
  return {
    kind: 'paragraph',
    role: 'P',
    inlines: typeof inlines === 'string' ? [text(inlines)] : inlines,
    align: 'left',
    lineHeight: 1.2,
    whiteSpace: 'normal',
    style,
    spaceBefore: 0,
    spaceAfter: 0,
    ...extra,
  };
}

/** The text of each line (text operation) of a list of operations, in order. */
export function lineTexts(ops: readonly Op[]): string[] {
  const lines: string[] = [];
  for (const op of ops) {
    if (op.op !== 'text') continue;
    const words = op.runs.flatMap((run) => run.words).sort((a, b) => a.x - b.x);
    lines.push(words.map((word) => word.text).join('').trimEnd());
  }
  return lines;
}

/** The lines of each page, top to bottom. */
export function pageTexts(pages: readonly Page[]): string[][] {
  return pages.map((page) => {
    const placed = page.items.flatMap((item) =>
      item.ops.filter((op) => op.op === 'text').map((op) => ({ y: item.y + (op as { y: number }).y, text: lineTexts([op])[0] as string })),
    );
    return placed.sort((a, b) => a.y - b.y).map((line) => line.text);
  });
}

export type { Block };
