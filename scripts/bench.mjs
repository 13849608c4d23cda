#!/usr/bin/env node
// galley benchmark: convert the shared corpus with galley, per format, and report the
// median wall time and peak memory of each whole process (start-up included: that is what
// users feel). When pandoc is on PATH, its matching command runs on the same input in the
// same run, interleaved with galley's, and the table shows the ratio galley/pandoc.
//
//   npm run build && npm run bench                    # default inputs, all galley formats
//   node scripts/bench.mjs --runs 3 --inputs tech,gen-100k --formats html
//   node scripts/bench.mjs --batch --large --json bench.json
//
// Options (node scripts/bench.mjs --help for the full list):
//   --runs N            timed runs per command (default 5; gen-10mb: 1 unless given); 1 warm-up is discarded
//   --inputs a,b        inputs by name without .md (default: empty,press-fr,tech,gen-1k,gen-10k,gen-100k,gen-1mb)
//   --formats a,b       galley formats (default: what `galley formats` lists, else html,json)
//   --batch             also build the 500-document folder batch/
//   --large             also convert gen-10mb.md (takes minutes)
//   --scale             CI-scale scenarios on batch/ (workers, incremental, memory); alone, only those
//   --adversarial       worst-case Markdown at two sizes, to check cost stays linear; alone, only those
//   --json FILE         also write every raw figure to FILE
//   --corpus-dir DIR    the shared bench folder (default ../shared/bench, or env GALLEY_BENCH_DIR)
//   --timeout S         seconds per run before it is killed and reported as TIMEOUT (default 300)
//   --no-pandoc         skip the pandoc peers even if pandoc is installed
//   --memory time|proc  force the memory method (default: GNU time if present, else /proc polling)
// With several formats, each input also gets an "all" row: one `galley build --to a,b,…`
// (one parse, every format) against the sum of pandoc's per-format medians.
// Environment: GALLEY_BIN=path runs another galley entry point (a .js file run with node, or
// an executable) instead of dist/bin/galley.js.
//
// Only Node built-ins. Generated inputs are cached in node_modules/.cache/galley-bench/;
// outputs go to a temporary folder that is removed at the end. The report goes to stdout,
// progress and errors to stderr. Exit code: 0, or 1 if a galley command failed or timed
// out, or 2 for a usage error or a missing build.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import {
  ALL_INPUTS, BATCH, GENERATED_INPUTS, countMarkdown, ensureGenerated, inputBytes, locateBench,
} from './bench/corpus.mjs';
import { detectMemoryMethod, killTree, median, runOnce, running } from './bench/measure.mjs';
import { firstLines, formatTable, humanBytes } from './bench/report.mjs';
import { adversarialReport, benchAdversarial } from './bench/adversarial.mjs';
import { benchScale, scaleReport } from './bench/scale.mjs';
import {
  galleyBuild, galleyBuildHasForce, galleyConvert, galleyFormats, galleyTool, pandocInfo, pandocPeer, peerDescription,
} from './bench/tools.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_INPUTS = ['empty', 'press-fr', 'tech', 'gen-1k', 'gen-10k', 'gen-100k', 'gen-1mb'];
const LARGE = 'gen-10mb';
const LINEARITY_LIMIT = 12; // galley time of gen-1mb ÷ gen-100k must stay at or under this
const log = (...a) => console.error(...a);

const USAGE = `usage: node scripts/bench.mjs [options]   (or: npm run bench -- [options])

Converts the shared benchmark corpus with galley (and pandoc, when installed) and prints
the median wall time and peak memory of each command, per input and format.

  --runs N            timed runs per command, after 1 discarded warm-up (default 5;
                      gen-10mb gets 1 run and no warm-up unless --runs is given)
  --inputs a,b,…      inputs by name without .md (default: ${DEFAULT_INPUTS.join(',')});
                      known: ${ALL_INPUTS.join(', ')}
  --formats a,b,…     galley formats (default: the output of \`galley formats\`, else html,json)
  --batch             also time \`galley build\` on the 500-document folder batch/
  --large             also convert gen-10mb.md (takes minutes)
  --scale             the CI-scale scenarios on batch/, every format: --jobs 1 against
                      --jobs 2, first/unchanged/one-edit incremental builds, peak memory
                      of 500 against 50 documents (alone: only these, no input rows)
  --adversarial       worst-case Markdown (unmatched emphasis, nested brackets, lazy
                      lines, setext headings, thousands of definitions…) to JSON at two
                      sizes, with the ratio of the times (alone: only these)
  --json FILE         also write all raw figures (every run) as JSON to FILE
  --corpus-dir DIR    shared bench folder with corpus/ and make-corpus.mjs
                      (default: ../shared/bench next to the repo, or env GALLEY_BENCH_DIR)
  --timeout S         seconds before a run is killed and reported as TIMEOUT (default 300)
  --no-pandoc         do not run the pandoc peers even if pandoc is installed
  --memory time|proc  peak-memory method (default: GNU time if present, else /proc polling)
  -h, --help          this help

Environment: GALLEY_BIN=FILE benchmarks another galley entry point instead of dist/bin/galley.js.`;

function usageError(message) {
  log(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: 'string' },
        inputs: { type: 'string' },
        formats: { type: 'string' },
        batch: { type: 'boolean', default: false },
        large: { type: 'boolean', default: false },
        scale: { type: 'boolean', default: false },
        adversarial: { type: 'boolean', default: false },
        json: { type: 'string' },
        'corpus-dir': { type: 'string' },
        timeout: { type: 'string', default: '300' },
        'no-pandoc': { type: 'boolean', default: false },
        memory: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }));
  } catch (err) {
    usageError(err.message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const list = (s) => s.split(',').map((x) => x.trim().replace(/\.md$/, '')).filter(Boolean);
  const positiveInt = (s, name) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1) usageError(`--${name} needs a whole number ≥ 1, not "${s}"`);
    return n;
  };

  const runsExplicit = values.runs !== undefined;
  const runs = runsExplicit ? positiveInt(values.runs, 'runs') : 5;
  const timeoutS = Number(values.timeout);
  if (!(timeoutS > 0)) usageError(`--timeout needs a number of seconds > 0, not "${values.timeout}"`);
  if (values.memory && !['time', 'proc'].includes(values.memory)) usageError('--memory is "time" or "proc"');

  const special = values.scale || values.adversarial;
  const alone = special && values.inputs === undefined && !values.batch && !values.large;
  const picked = new Set(values.inputs !== undefined ? list(values.inputs) : alone ? [] : DEFAULT_INPUTS);
  if (picked.size === 0 && !special) usageError('--inputs names no input');
  for (const name of picked) {
    if (!ALL_INPUTS.includes(name)) usageError(`unknown input "${name}"; known: ${ALL_INPUTS.join(', ')}`);
  }
  if (values.large) picked.add(LARGE);
  if (values.batch) picked.add(BATCH);
  const inputs = ALL_INPUTS.filter((name) => picked.has(name)); // canonical order

  const formats = values.formats !== undefined ? [...new Set(list(values.formats))] : null;
  if (formats && formats.length === 0) usageError('--formats names no format');

  return {
    runs, runsExplicit, inputs, formats, timeoutS, scale: values.scale, adversarial: values.adversarial,
    json: values.json ? resolve(values.json) : null,
    corpusDir: values['corpus-dir'] ?? process.env.GALLEY_BENCH_DIR,
    pandoc: !values['no-pandoc'],
    memory: values.memory,
  };
}

/** The galley command and its pandoc peer for one row (input × format). */
function commandsFor(input, format, ctx) {
  const { galley, formats, peers, force } = ctx;
  if (input.isDir) {
    return { galley: galleyBuild(galley, input.path, format === 'all' ? formats : [format], { force: false }), pandoc: null };
  }
  if (format === 'all') {
    return { galley: galleyBuild(galley, input.path, formats, { force }), pandoc: null };
  }
  return { galley: galleyConvert(galley, input.path, format), pandoc: peers ? pandocPeer(peers, input.path, format) : null };
}

/**
 * Time a galley command and its peer (if any): `warmup` discarded runs, then `runs` timed
 * ones, alternating which of the two goes first so that noise and cache effects hit both.
 * A command that fails or times out is not run again.
 */
async function measurePair(named, { runs, warmup, ctx, what }) {
  const states = named.map(({ tool, make }) => {
    const { file, args } = make('<out>');
    return { tool, make, command: [file, ...args], status: 'ok', warmup: [], runs: [], error: null };
  });
  for (let i = 0; i < warmup + runs; i++) {
    const order = i % 2 === 0 ? states : [...states].reverse();
    for (const s of order) {
      if (s.status !== 'ok') continue;
      const r = await runIn(s.make, ctx);
      const record = { wallS: r.wallS, peakKiB: r.peakKiB, exitCode: r.exitCode, signal: r.signal, status: r.status };
      (i < warmup ? s.warmup : s.runs).push(record);
      if (r.status !== 'ok') {
        s.status = r.status;
        s.error = r.status === 'timeout'
          ? `killed after ${ctx.timeoutS} s`
          : (r.stderr.trim() || r.stdout.trim() || `exit ${r.exitCode ?? r.signal}`);
        const how = r.status === 'timeout' ? `TIMEOUT after ${ctx.timeoutS} s` : `FAILED (exit ${r.exitCode ?? r.signal})`;
        log(`  ${s.tool} ${how} on ${what}: ${[basename(s.command[0]), ...s.command.slice(1)].join(' ')}`);
        if (r.status === 'fail') log(firstLines(s.error));
      }
    }
  }
  return states.map((s) => {
    const ok = s.status === 'ok';
    const peaks = s.runs.map((r) => r.peakKiB).filter((k) => k != null);
    return {
      tool: s.tool,
      command: s.command,
      status: s.status,
      error: s.error,
      medianS: ok ? median(s.runs.map((r) => r.wallS)) : null,
      peakMiB: ok && peaks.length > 0 ? Math.max(...peaks) / 1024 : null,
      warmup: s.warmup,
      runs: s.runs,
    };
  });
}

/** One run in a fresh output folder (also the working directory unless the command names one), removed afterwards. */
async function runIn(make, ctx) {
  const dir = mkdtempSync(join(ctx.scratch, 'run-'));
  try {
    const { file, args, cwd } = make(dir);
    return await runOnce({ file, args, cwd: cwd ?? dir, env: process.env, timeoutMs: ctx.timeoutS * 1000, memory: ctx.memory, scratch: ctx.scratch });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function gitCommit() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) return null;
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' });
  return r.stdout.trim() + (dirty.stdout?.trim() ? ' (modified)' : '');
}

/** "html 8.4 ok, json 9.1 ok" from the gen-100k and gen-1mb rows, or null. */
function linearity(rows) {
  const out = [];
  for (const big of rows.filter((r) => r.input === 'gen-1mb')) {
    const small = rows.find((r) => r.input === 'gen-100k' && r.format === big.format);
    if (!small) continue;
    const ok = big.galley.status === 'ok' && small.galley.status === 'ok' && small.galley.medianS > 0;
    const ratio = ok ? big.galley.medianS / small.galley.medianS : null;
    out.push({ format: big.format, ratio, withinLimit: ratio == null ? null : ratio <= LINEARITY_LIMIT });
  }
  return out;
}

async function main() {
  const opts = parseOptions();

  const galley = galleyTool(repoRoot);
  if (!galley.exists) {
    const rel = relative(process.cwd(), galley.entry) || galley.entry;
    log(galley.overridden
      ? `bench: GALLEY_BIN points to ${galley.entry}, which does not exist.`
      : `bench: galley is not built: ${rel} is missing.\nRun \`npm run build\` first, then \`npm run bench\` again.`);
    process.exit(2);
  }

  let bench;
  try {
    bench = locateBench(repoRoot, opts.corpusDir);
  } catch (err) {
    log(`bench: ${err.message}`);
    process.exit(2);
  }

  const discovered = galleyFormats(galley);
  if (!discovered.discovered) log(`bench: \`galley formats\` did not answer (${discovered.why}); assuming ${discovered.formats.join(',')}`);
  const formats = opts.formats ?? discovered.formats;
  for (const f of formats) {
    if (!discovered.formats.includes(f)) log(`bench: warning: galley does not list the format "${f}" (it lists ${discovered.formats.join(', ')}); trying it anyway`);
  }

  const peers = opts.pandoc ? pandocInfo() : null;
  const memory = detectMemoryMethod(opts.memory);
  const cacheDir = join(repoRoot, 'node_modules', '.cache', 'galley-bench', 'corpus');
  let generatedDir = null;
  if (opts.scale || opts.inputs.some((n) => GENERATED_INPUTS.includes(n) || n === BATCH)) {
    try {
      generatedDir = ensureGenerated(bench.generator, cacheDir, log);
    } catch (err) {
      log(`bench: ${err.message}`);
      process.exit(2);
    }
  }

  const inputs = opts.inputs.map((name) => {
    const isDir = name === BATCH;
    const path = isDir ? join(generatedDir, BATCH)
      : GENERATED_INPUTS.includes(name) ? join(generatedDir, `${name}.md`) : join(bench.corpusDir, `${name}.md`);
    const bytes = inputBytes(path);
    const label = isDir ? `batch/ (${countMarkdown(path)} docs)` : `${name}.md`;
    const single = name === LARGE && !opts.runsExplicit; // 10 MB: one run, no warm-up, unless --runs
    return { name, path, isDir, bytes, label, runs: single ? 1 : opts.runs, warmup: single ? 0 : 1 };
  });

  const scratch = mkdtempSync(join(tmpdir(), 'galley-bench-'));
  const cleanup = () => rmSync(scratch, { recursive: true, force: true });
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      for (const child of running) if (child.pid) killTree(child.pid);
      cleanup();
      log(`\nbench: interrupted (${sig})`);
      process.exit(130);
    });
  }

  const force = formats.length > 1 && galleyBuildHasForce(galley);
  const ctx = { galley, formats, force, peers: peers?.pandoc ? peers : null, memory, scratch, timeoutS: opts.timeoutS };
  const rowFormats = formats.length > 1 ? [...formats, 'all'] : formats;
  const total = inputs.length * rowFormats.length;
  const rows = [];
  let scale = null;
  let adversarial = null;
  const started = new Date();
  log(`bench: ${total} row${total === 1 ? '' : 's'}, ${opts.runs} run${opts.runs === 1 ? '' : 's'} each (+1 warm-up); memory: ${memory.kind}; scratch: ${scratch}`);
  try {
    for (const input of inputs) {
      for (const format of rowFormats) {
        const cmds = commandsFor(input, format, ctx);
        const what = `${input.label} ${format}`;
        const named = [{ tool: 'galley', make: cmds.galley }, ...(cmds.pandoc ? [{ tool: 'pandoc', make: cmds.pandoc }] : [])];
        const t0 = Date.now();
        const [g, p = null] = await measurePair(named, { runs: input.runs, warmup: input.warmup, ctx, what });
        let pandoc = p;
        if (format === 'all' && !input.isDir && ctx.peers) {
          // pandoc has no multi-format mode: compare with the sum of its per-format medians.
          const parts = rows.filter((r) => r.input === input.name && formats.includes(r.format)).map((r) => r.pandoc);
          if (parts.length === formats.length && parts.every((m) => m?.status === 'ok')) {
            pandoc = {
              tool: 'pandoc', sum: true, status: 'ok', command: null, runs: [], warmup: [],
              medianS: parts.reduce((s, m) => s + m.medianS, 0),
              peakMiB: parts.some((m) => m.peakMiB == null) ? null : Math.max(...parts.map((m) => m.peakMiB)),
            };
          }
        }
        rows.push({ input: input.name, label: input.label, size: humanBytes(input.bytes), bytes: input.bytes, format, galley: g, pandoc });
        const fig = (m) => (!m ? '' : m.status !== 'ok' ? m.status.toUpperCase() : `${m.medianS.toFixed(3)} s${m.peakMiB != null ? ` ${m.peakMiB.toFixed(1)} MiB` : ''}`);
        log(`[${String(rows.length).padStart(String(total).length)}/${total}] ${what}: galley ${fig(g)}` +
          `${pandoc ? `  pandoc ${pandoc.sum ? 'Σ ' : ''}${fig(pandoc)}` : ''}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      }
    }
    if (opts.scale) {
      log(`bench: CI-scale scenarios on batch/, ${opts.runs} run${opts.runs === 1 ? '' : 's'} each`);
      scale = await benchScale({ galley, batch: join(generatedDir, BATCH), formats, scratch, memory, runs: opts.runs, timeoutS: opts.timeoutS, log });
    }
    if (opts.adversarial) {
      log(`bench: adversarial inputs, ${opts.runs} run${opts.runs === 1 ? '' : 's'} each`);
      adversarial = await benchAdversarial({ galley, scratch, memory, runs: opts.runs, timeoutS: opts.timeoutS, log });
    }
  } finally {
    cleanup();
  }

  // ---------------------------------------------------------------- report (stdout)
  const lin = linearity(rows);
  const empty = rows.filter((r) => r.input === 'empty');
  const commit = gitCommit();
  const cpu = cpus();
  const pandocLine = !opts.pandoc ? 'not run (--no-pandoc)'
    : !peers.pandoc ? 'not installed: galley figures only (apt-get install pandoc for the peer columns)'
      : `${peers.version} (${peerDescription(peers, formats) || 'no peer for these formats'}; run in the input's folder with --resource-path)` +
        (formats.includes('pdf') && !peers.weasyprint ? '; the pdf peer needs weasyprint, not found' : '');
  const runsLine = `median of ${opts.runs} run${opts.runs > 1 ? 's' : ''} after 1 discarded warm-up` +
    (inputs.some((i) => i.name === LARGE && i.warmup === 0) ? `; ${LARGE}: 1 run, no warm-up` : '') +
    `${ctx.peers ? '; galley and pandoc interleaved' : ''}; whole processes; timeout ${opts.timeoutS} s`;

  const out = [];
  out.push(`galley benchmark, ${started.toISOString()}`);
  out.push(`machine:  ${process.platform} ${process.arch}, ${cpu.length} × ${cpu[0]?.model?.trim() ?? 'cpu'}, node ${process.version}`);
  out.push(`galley:   ${galley.overridden ? `${galley.entry} (GALLEY_BIN)` : relative(repoRoot, galley.entry)}${commit ? ` at ${commit}` : ''}; formats ${formats.join(', ')}` +
    (discovered.discovered ? '' : ' (assumed: `galley formats` failed)'));
  out.push(`pandoc:   ${pandocLine}`);
  out.push(`memory:   ${memory.label}`);
  out.push(`runs:     ${runsLine}`);
  out.push(`corpus:   ${bench.corpusDir}${generatedDir ? ` + ${relative(repoRoot, generatedDir)}` : ''}`);
  out.push('');
  if (rows.length > 0) out.push(formatTable(rows), '');
  if (scale) out.push(...scaleReport(scale), '');
  if (adversarial) out.push(...adversarialReport(adversarial), '');
  out.push('Times are medians in seconds, memory the peak resident set in MiB; ratio = galley/pandoc (under 1: galley is faster).');
  if (rows.some((r) => r.format === 'all')) {
    out.push(`"all" = one \`galley build --to ${formats.join(',')} --quiet${force ? ' --force' : ''}\` (one parse for every format);` +
      ' the pandoc figure (Σ) is the sum of its per-format medians.');
    if (!force) out.push('(--force left out of `galley build`: its --help does not list it.)');
  }
  if (lin.length > 0) {
    out.push(`Linearity, galley time gen-1mb ÷ gen-100k (limit ${LINEARITY_LIMIT}): ` +
      lin.map((l) => `${l.format} ${l.ratio == null ? 'n/a' : `${l.ratio.toFixed(1)} ${l.withinLimit ? 'ok' : 'OVER LIMIT'}`}`).join(', '));
  }
  if (empty.length > 0) {
    const fmt = (m) => (m?.status === 'ok' ? `${m.medianS.toFixed(3)} s` : m ? m.status.toUpperCase() : '-');
    const peerStart = empty.filter((r) => r.pandoc && !r.pandoc.sum);
    out.push(`Start-up (empty.md), galley: ${empty.map((r) => `${r.format} ${fmt(r.galley)}`).join(', ')}` +
      (peerStart.length > 0 ? `; pandoc: ${peerStart.map((r) => `${r.format} ${fmt(r.pandoc)}`).join(', ')}` : ''));
  }
  const failures = rows.flatMap((r) => [r.galley, r.pandoc].filter((m) => m && m.status !== 'ok').map((m) => ({ r, m })));
  if (failures.length > 0) {
    out.push('');
    out.push('Failures:');
    for (const { r, m } of failures) {
      out.push(`  ${m.tool} ${r.label} ${r.format}: ${m.status.toUpperCase()}`);
      out.push(firstLines(m.error, 2));
    }
  }
  console.log(out.join('\n'));

  if (opts.json) {
    const data = {
      date: started.toISOString(),
      machine: { platform: process.platform, arch: process.arch, cpus: cpu.length, cpuModel: cpu[0]?.model?.trim(), node: process.version },
      galley: { entry: galley.entry, commit, formats, formatsDiscovered: discovered.discovered },
      pandoc: peers ? { path: peers.pandoc, version: peers.version, weasyprint: peers.weasyprint } : null,
      memoryMethod: memory.kind,
      runs: opts.runs,
      timeoutS: opts.timeoutS,
      corpus: { shared: bench.corpusDir, generated: generatedDir },
      rows: rows.map(({ input, label, bytes, format, galley: g, pandoc: p }) => ({ input, label, bytes, format, galley: g, pandoc: p })),
      linearity: { limit: LINEARITY_LIMIT, formats: lin },
      scale,
      adversarial,
      startup: empty.map((r) => ({ format: r.format, galleyS: r.galley.medianS, pandocS: r.pandoc?.medianS ?? null })),
    };
    writeFileSync(opts.json, `${JSON.stringify(data, null, 2)}\n`);
    log(`bench: raw figures written to ${opts.json}`);
  }

  process.exitCode = rows.some((r) => r.galley.status !== 'ok') ? 1 : 0;
}

main().catch((err) => {
  log(`bench: ${err.stack ?? err}`);
  process.exit(2);
});
