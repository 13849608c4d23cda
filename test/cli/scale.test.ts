// `galley build` at CI scale, through the bundled command (dist/bin/galley.js
// and its worker, dist/bin/worker.js): worker threads, resource limits,
// determinism across --jobs, incremental runs, shards and their merge.
import { cpSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { galley } from '../helpers/cli.js';
import { createWorkspace, type Workspace } from '../helpers/workspace.js';

const repo = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url));
let ws: Workspace;
const run = (args: string[], env?: NodeJS.ProcessEnv) => galley(args, { cwd: ws.dir, env });
const summary = (stderr: string) => stderr.trim().split('\n').at(-1) ?? '';

beforeEach(() => {
  ws = createWorkspace({
    'input/showcase.md': repo('input/showcase.md'),
    'input/images/architecture.png': repo('input/images/architecture.png'),
    'input/images/pipeline.svg': repo('input/images/pipeline.svg'),
    'input/press/communique.md': repo('input/communique-presse-numerique.md'),
    'input/broken.md': '---\ntitle: [unclosed\n---\n',
    'input/warn.md': '# Warn\n\n[x](javascript:alert(1))\n\n![gone](images/missing.png)\n',
  });
  for (let i = 0; i < 8; i++) {
    ws.write(`input/notes/note-${i}.md`, `# Note ${i}\n\nText with "quotes", $x^${i}$ and a table:\n\n| a | b |\n| - | - |\n| ${i} | ${i * 2} |\n`);
  }
});

afterEach(() => ws.remove());

describe('worker threads', () => {
  it('write byte-identical outputs, manifests and diagnostics for --jobs 1 and --jobs 2', () => {
    const env = { SOURCE_DATE_EPOCH: '1767323045' };
    const one = run(['--jobs', '1', '--out', 'one', '--no-cache'], env);
    const two = run(['--jobs', '2', '--out', 'two', '--no-cache'], env);
    expect(one.code).toBe(1); // broken.md
    expect(two.code).toBe(1);
    const files = ws.files('one');
    expect(files).toHaveLength(4 * 11 + 1); // 11 documents converted in four formats, and the manifest
    expect(ws.files('two')).toEqual(files);
    for (const file of files) {
      expect(readFileSync(ws.path('two', file)).equals(readFileSync(ws.path('one', file))), file).toBe(true);
    }
    // Diagnostics in input order, whichever document finished first.
    const diagnostics = (stderr: string) => stderr.trim().split('\n').slice(0, -1).join('\n').replaceAll('two', 'one');
    expect(diagnostics(two.stderr)).toBe(diagnostics(one.stderr));
    expect(one.stderr.indexOf('input/broken.md')).toBeLessThan(one.stderr.indexOf('input/warn.md'));
  });

  it('stop a document over the time limit and one over the memory limit; the others convert, exit code 1', () => {
    // Thousands of formulas: minutes of typesetting, in little memory.
    const formulas = Array.from({ length: 6000 }, (_, i) => `Formula ${i}: $\\sum_{k=0}^{${i}} \\frac{x_k^{2}}{\\sqrt{k+${i}}}$ and $\\int_0^{${i}} e^{-t^2} dt$.\n`);
    ws.write('input/slow.md', `# Slow\n\n${formulas.join('\n')}`);
    // 18 MB of inline marks: its syntax tree alone is gigabytes.
    ws.write('input/huge.md', '*a* _b_ `c` '.repeat(1_500_000));
    const result = run(['--jobs', '2', '--time-limit', '15', '--memory-limit', '384', '--no-cache', '--to', 'html,pdf']);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toContain('input/slow.md: error exceeded the 15 s limit [time-limit]');
    expect(lines).toContain('input/huge.md: error exceeded the 384 MiB memory limit [heap-limit]');
    const outputs = ws.files('output');
    expect(outputs.filter((f) => /^(slow|huge)\./.test(f) || f.endsWith('.tmp'))).toEqual([]);
    expect(outputs).toContain('showcase.pdf');
    expect(outputs.filter((f) => f.startsWith('notes/'))).toHaveLength(16);
    expect(summary(result.stderr)).toMatch(/^galley: 11 of 14 documents converted, 22 files written to output, 3 failed, \d+ warnings?/);
  });
});

describe('incremental builds', () => {
  it('convert nothing the second time, only the changed document after an edit, everything with --force', () => {
    expect(run(['--to', 'html,json']).code).toBe(1);
    const second = run(['--to', 'html,json']);
    expect(second.code).toBe(1); // broken.md is still broken: its error comes from the cache
    expect(second.stderr).toMatch(/input\/broken\.md:\d+:\d+: error invalid front matter/);
    expect(summary(second.stderr)).toMatch(/^galley: 11 of 12 documents converted, 22 files in output, 12 unchanged, 1 failed/);
    ws.write('input/notes/note-3.md', '# Note three, edited\n');
    const third = run(['--to', 'html,json', '--reporter', 'json']);
    const report = JSON.parse(third.stdout);
    expect(report.documents.filter((d: { cached: boolean }) => !d.cached).map((d: { source: string }) => d.source)).toEqual(['notes/note-3.md']);
    const forced = JSON.parse(run(['--to', 'html,json', '--reporter', 'json', '--force']).stdout);
    expect(forced.summary.cached).toBe(0);
    expect(ws.files('.').some((f) => f.startsWith('node_modules/.cache/galley/v1/'))).toBe(true);
  });
});

describe('shards', () => {
  it('split the documents between runners; galley merge joins their manifests and checks the files', () => {
    const codes = [1, 2, 3].map((i) => run(['--shard', `${i}/3`, '--out', `shard-${i}`, '--to', 'json']).code);
    expect(codes.filter((code) => code === 1)).toHaveLength(1); // only broken.md's shard fails
    for (const i of [1, 2, 3]) cpSync(ws.path(`shard-${i}`), ws.path('site'), { recursive: true });
    const merged = run(['merge', 'site']);
    expect(merged.stderr).toBe('galley: merged 12 documents, 11 files checked, into site/galley-manifest.json\n');
    expect(merged.code).toBe(1); // the manifest lists a failed document
    const manifest = JSON.parse(readFileSync(ws.path('site/galley-manifest.json'), 'utf8'));
    expect(manifest.documents).toHaveLength(12);
    expect(run(['merge', 'shard-1']).stderr).toMatch(/^galley: shards 2, 3 of 3 missing\n$/);
  });
});

describe('progress', () => {
  it('prints nothing for a short build off a terminal, and no bar with --quiet', () => {
    const result = run(['--to', 'json', '--quiet']);
    expect(result.stderr.trim().split('\n')).toHaveLength(1); // broken.md's error only
  });
});
