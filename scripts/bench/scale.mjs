// The CI-scale scenarios of `bench.mjs --scale`, on the 500-document batch, every format:
//   - cold builds with 1 and with 2 workers (no cache), and their speed-up; where
//     taskset exists, also 1 worker pinned to one core: V8 runs a worker's GC and
//     compiler on background threads, so one worker alone already uses the 2nd core;
//   - incremental: a first build with an empty cache, a second with nothing changed,
//     a third after one document was edited (the report says how many were converted);
//   - peak memory of the whole batch against a batch of its first 50 documents.
// Every command is a whole `galley build` process, as CI runs it.

import { cpSync, appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { median, runOnce } from './measure.mjs';

const EPOCH = '1700000000';

/** `galley build DIR --out OUT --to FORMATS --quiet …extra` as a runOnce command. */
function build(galley, dir, out, formats, extra) {
  return {
    file: galley.file,
    args: [...galley.prefix, 'build', dir, '--out', out, '--to', formats.join(','), '--quiet', '--no-progress', ...extra],
  };
}

/** A copy of the first `count` documents of `batch` (and its images) in a new folder. */
function copyBatch(batch, scratch, count) {
  const dir = mkdtempSync(join(scratch, `batch-${count}-`));
  const docs = readdirSync(batch).filter((n) => n.endsWith('.md')).sort().slice(0, count);
  for (const name of docs) cpSync(join(batch, name), join(dir, name));
  for (const name of readdirSync(batch)) if (!name.endsWith('.md')) cpSync(join(batch, name), join(dir, name), { recursive: true });
  return { dir, docs };
}

export async function benchScale({ galley, batch, formats, scratch, memory, runs, timeoutS, log }) {
  const env = { ...process.env, SOURCE_DATE_EPOCH: EPOCH, CI: 'true' };
  const run = async (command, cwd) => {
    const r = await runOnce({ ...command, cwd, env, timeoutMs: timeoutS * 1000, memory, scratch });
    if (r.status !== 'ok') throw new Error(`galley ${command.args.join(' ')}: ${r.status}\n${r.stderr.slice(0, 2000)}`);
    return r;
  };
  const fresh = () => mkdtempSync(join(scratch, 'scale-'));
  const figure = (label, results) => {
    const row = { label, medianS: median(results.map((r) => r.wallS)), peakMiB: Math.max(...results.map((r) => r.peakKiB ?? 0)) / 1024 };
    log(`  ${label}: ${row.medianS.toFixed(2)} s, ${row.peakMiB.toFixed(0)} MiB`);
    return row;
  };
  const full = copyBatch(batch, scratch, Infinity);
  const small = copyBatch(batch, scratch, 50);
  const rows = {};

  for (const jobs of [1, 2]) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const cwd = fresh();
      results.push(await run(build(galley, full.dir, join(cwd, 'out'), formats, ['--no-cache', '--jobs', String(jobs)]), cwd));
      rmSync(cwd, { recursive: true, force: true });
    }
    rows[`jobs${jobs}`] = figure(`${full.docs.length} documents, --jobs ${jobs}, no cache`, results);
  }
  if (spawnSync('taskset', ['-c', '0', 'true']).status === 0) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const cwd = fresh();
      const command = build(galley, full.dir, join(cwd, 'out'), formats, ['--no-cache', '--jobs', '1']);
      results.push(await run({ file: 'taskset', args: ['-c', '0', command.file, ...command.args] }, cwd));
      rmSync(cwd, { recursive: true, force: true });
    }
    rows.oneCore = figure(`${full.docs.length} documents, --jobs 1 on one core (taskset)`, results);
  }

  const first = []; const unchanged = []; const edited = []; let convertedAfterEdit = null;
  for (let i = 0; i < runs; i++) {
    const cwd = fresh();
    const docs = copyBatch(full.dir, cwd, Infinity);
    const cmd = (report) => build(galley, docs.dir, join(cwd, 'out'), formats, ['--cache', join(cwd, 'cache'), '--report', join(cwd, report)]);
    first.push(await run(cmd('first.json'), cwd));
    unchanged.push(await run(cmd('second.json'), cwd));
    appendFileSync(join(docs.dir, docs.docs[17]), '\nOne more paragraph, edited between two builds.\n');
    edited.push(await run(cmd('third.json'), cwd));
    const summary = (name) => JSON.parse(readFileSync(join(cwd, name), 'utf8')).summary;
    const [s2, s3] = [summary('second.json'), summary('third.json')];
    if (s2.cached !== full.docs.length) throw new Error(`second build: ${s2.cached} of ${full.docs.length} documents from the cache`);
    convertedAfterEdit = s3.documents - s3.cached;
    rmSync(cwd, { recursive: true, force: true });
  }
  rows.first = figure('first build, empty cache', first);
  rows.unchanged = figure('second build, nothing changed', unchanged);
  rows.edited = figure(`third build, one document edited (${convertedAfterEdit} converted)`, edited);
  rows.convertedAfterEdit = convertedAfterEdit;

  const fifty = [];
  for (let i = 0; i < runs; i++) {
    const cwd = fresh();
    fifty.push(await run(build(galley, small.dir, join(cwd, 'out'), formats, ['--no-cache', '--jobs', '2']), cwd));
    rmSync(cwd, { recursive: true, force: true });
  }
  rows.fifty = figure(`${small.docs.length} documents, --jobs 2, no cache`, fifty);
  rmSync(full.dir, { recursive: true, force: true });
  rmSync(small.dir, { recursive: true, force: true });
  return rows;
}

/** The report's lines for the scale scenarios. */
export function scaleReport(rows) {
  const line = (r) => `${r.label.padEnd(58)} ${r.medianS.toFixed(2).padStart(7)} s ${r.peakMiB.toFixed(0).padStart(6)} MiB`;
  return [
    'CI scale (500-document batch, every format):',
    ...['jobs1', 'oneCore', 'jobs2', 'first', 'unchanged', 'edited', 'fifty'].filter((k) => rows[k]).map((k) => `  ${line(rows[k])}`),
    `  speed-up with 2 workers: ${(rows.jobs1.medianS / rows.jobs2.medianS).toFixed(2)}× (goal ≥ 1.7)`,
    ...(rows.oneCore ? [`  2 workers on 2 cores against 1 worker on 1 core: ${(rows.oneCore.medianS / rows.jobs2.medianS).toFixed(2)}×;` +
      ` 1 worker gains ${(rows.oneCore.medianS / rows.jobs1.medianS).toFixed(2)}× from a 2nd core by itself (V8's background threads)`] : []),
    `  unchanged rebuild: ${(rows.first.medianS / rows.unchanged.medianS).toFixed(1)}× faster than the first build (goal ≥ 20)`,
    `  after one edit: ${rows.convertedAfterEdit} document converted (goal 1)`,
    `  peak memory, 500 ÷ 50 documents: ${(rows.jobs2.peakMiB / rows.fifty.peakMiB).toFixed(2)} (goal ≤ 1.5)`,
  ];
}
