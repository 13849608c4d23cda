// PDF golden files: for each folder of test/fixtures, `pdf.txt` is a dump of
// the laid-out pages (each line's text, links and destinations, page by
// page), from the same boxes the PDF is painted from. Regenerate on purpose
// with `UPDATE=1 npx vitest run test/emit/pdf/fixtures.test.ts`, and read
// the diff: a change here is a change in how documents are typeset.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePdfOptions } from '../../../src/emit/pdf/index.js';
import type { Page } from '../../../src/emit/pdf/model.js';
import { renderPdfWithPages } from '../../../src/emit/pdf/render.js';
import { lineTexts } from './fake-metrics.js';
import { fixedDate, fixtureDocument, fixturesDir, qpdfCheck } from './read.js';

const update = process.env.UPDATE === '1';
const cases = readdirSync(fixturesDir).filter((name) => statSync(path.join(fixturesDir, name)).isDirectory());

/** A readable dump of pages: text lines with their y, links, destinations. */
export function dumpPages(pages: readonly Page[]): string {
  const out: string[] = [];
  for (const page of pages) {
    out.push(`page ${page.number}`);
    const entries: Array<{ y: number; x: number; text: string }> = [];
    for (const item of page.items) {
      for (const op of item.ops) {
        const y = item.y + ('y' in op ? op.y : 0);
        if (op.op === 'text') entries.push({ y, x: op.runs[0]?.words[0]?.x ?? 0, text: `  ${y.toFixed(1)} ${lineTexts([op])[0]}` });
        else if (op.op === 'link') entries.push({ y, x: op.x, text: `  ${y.toFixed(1)} link ${'url' in op.target ? op.target.url : `#${op.target.dest}`}` });
        else if (op.op === 'dest') entries.push({ y, x: -1, text: `  ${y.toFixed(1)} dest ${op.name}` });
        else if (op.op === 'object') entries.push({ y, x: op.x, text: `  ${y.toFixed(1)} ${op.content.kind} ${op.w.toFixed(1)}×${op.h.toFixed(1)}` });
      }
    }
    entries.sort((a, b) => a.y - b.y || a.x - b.x);
    out.push(...entries.map((entry) => entry.text));
  }
  return `${out.join('\n')}\n`;
}

describe('PDF golden fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const document = fixtureDocument(name);
    const { pages, bytes } = await renderPdfWithPages(document, resolvePdfOptions({}), fixedDate);
    qpdfCheck(bytes);
    const actual = dumpPages(pages);
    const expectedPath = path.join(fixturesDir, name, 'pdf.txt');
    if (update) writeFileSync(expectedPath, actual);
    expect(existsSync(expectedPath), `${name}/pdf.txt is missing: run with UPDATE=1`).toBe(true);
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
  });
});
