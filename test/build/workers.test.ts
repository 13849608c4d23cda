// The compiled library (dist/, as users import it) converts on worker
// threads: dist/build/pool.js finds dist/build/worker.js next to itself.
// (Run from the TypeScript sources, as the other build tests are, there is no
// compiled worker, and documents are converted in the calling thread.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../../dist/index.js';
import { createConverter, LimitError, workerFile } from '../../dist/build/pool.js';
import { createGate } from '../../dist/io/gate.js';
import { defaultLimits } from '../../dist/limits.js';
import { workerFile as sourceWorkerFile } from '../../src/build/pool.js';
import type { DocumentReport } from '../../src/build/report.js';
import { createWorkspace, type Workspace } from '../helpers/workspace.js';

let ws: Workspace;
let cwd: string;

beforeEach(() => {
  ws = createWorkspace();
  for (let i = 0; i < 10; i++) ws.write(`input/doc-${i}.md`, `# Document ${i}\n\n${'Some text. '.repeat(200 * (10 - i))}\n`);
  cwd = process.cwd();
  process.chdir(ws.dir);
});

afterEach(() => {
  process.chdir(cwd);
  ws.remove();
});

describe('the library build on worker threads', () => {
  it('finds its compiled worker (and, from the sources, none)', () => {
    expect(workerFile()).toMatch(/dist[/\\]build[/\\]worker\.js$/);
    expect(sourceWorkerFile()).toBeUndefined();
  });

  it('reports in input order whatever finishes first, and a document over the memory limit fails alone', async () => {
    // Long documents first: with two workers, later short ones finish before them.
    ws.write('input/doc-5.md', '*a* _b_ `c` '.repeat(1_500_000));
    const seen: string[] = [];
    const report = await build({
      jobs: 2,
      to: ['json', 'html'],
      cache: false,
      limits: { maxHeapMegabytes: 384 },
      onDocument: (document: DocumentReport) => seen.push(document.source),
    });
    const sources = Array.from({ length: 10 }, (_, i) => `doc-${i}.md`);
    expect(seen).toEqual(sources);
    expect(report.documents.map((d: DocumentReport) => d.source)).toEqual(sources);
    const failed = report.documents.filter((d: DocumentReport) => d.status === 'failed');
    expect(failed.map((d: DocumentReport) => [d.source, d.messages[0]?.message, d.messages[0]?.ruleId])).toEqual([
      ['doc-5.md', 'exceeded the 384 MiB memory limit', 'heap-limit'],
    ]);
    expect(report.summary.converted).toBe(9);
  });

  it('converts a document over the working heap again with the full limit, and fails it over the full limit', async () => {
    const bytes = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i} with *some* **inline** [link](http://x.org/${i}) text.\n\n`).join(''));
    const root = ws.path('input');
    const settings = { root, out: ws.path('out'), formats: ['json'], limits: defaultLimits, emit: {} };
    const task = { source: ws.write('input/big.md', bytes), bytes, outputs: [{ format: 'json', path: ws.path('out/big.json') }] };
    const common = { jobs: 1, settings, transferable: true, emitters: [], gate: createGate(root), workingHeapMegabytes: 96 };
    const generous = await createConverter({ ...common, limits: { maxSeconds: 300, maxHeapMegabytes: 4096 } });
    try {
      expect((await generous.convert(task)).status).toBe('converted');
    } finally {
      await generous.close();
    }
    const strict = await createConverter({ ...common, limits: { maxSeconds: 300, maxHeapMegabytes: 96 } });
    try {
      const failure = await strict.convert(task).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(LimitError);
      expect((failure as Error).message).toBe('exceeded the 96 MiB memory limit');
    } finally {
      await strict.close();
    }
  });
});

describe('a worker over a long batch', () => {
  it('keeps no document in memory after converting it', async () => {
    // 200 PDFs through one worker with a 64 MiB heap: each document left behind
    // (a PDF whose stream callbacks never ran) would exhaust it.
    const section = `## Section\n\n${'A paragraph with *emphasis* and `code`. '.repeat(40)}\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n`;
    const bytes = Buffer.from(`# Title\n\n${section.repeat(8)}`);
    const root = ws.path('input');
    const source = ws.write('input/small.md', bytes);
    const settings = { root, out: ws.path('out'), formats: ['pdf'], limits: defaultLimits, emit: {} };
    const converter = await createConverter({
      jobs: 1, settings, transferable: true, emitters: [], gate: createGate(root),
      workingHeapMegabytes: 64, limits: { maxSeconds: 300, maxHeapMegabytes: 64 },
    });
    try {
      for (let i = 0; i < 200; i++) {
        const result = await converter.convert({ source, bytes, outputs: [{ format: 'pdf', path: ws.path('out/small.pdf') }] });
        expect(result.status).toBe('converted');
      }
    } finally {
      await converter.close();
    }
  }, 120_000);
});
