// Find the shared benchmark corpus and generate its large inputs once into a cache.
//
// Layout of the shared folder (../shared/bench by default):
//   corpus/press-fr.md, corpus/tech.md, corpus/img/   hand-made inputs
//   make-corpus.mjs OUTDIR                            writes empty.md, gen-*.md, batch/, img/
// Generated inputs go to node_modules/.cache/galley-bench/corpus, reused for as long as
// the generator file has the same sha256 (stored next to them in .generator-sha256).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_INPUTS = ['press-fr', 'tech'];
export const GENERATED_INPUTS = ['empty', 'gen-1k', 'gen-10k', 'gen-100k', 'gen-1mb', 'gen-10mb'];
export const BATCH = 'batch';
export const ALL_INPUTS = ['empty', 'press-fr', 'tech', 'gen-1k', 'gen-10k', 'gen-100k', 'gen-1mb', 'gen-10mb', BATCH];

/**
 * Locate the bench folder: `dir` (from --corpus-dir or GALLEY_BENCH_DIR) or ../shared/bench
 * next to the repository. Accepts the bench folder itself or its corpus/ subfolder.
 * Returns { benchDir, corpusDir, generator } or throws with a readable message.
 */
export function locateBench(repoRoot, dir) {
  const candidate = resolve(dir ?? join(repoRoot, '..', 'shared', 'bench'));
  let benchDir = candidate;
  let corpusDir = join(candidate, 'corpus');
  if (!existsSync(join(corpusDir, 'tech.md')) && existsSync(join(candidate, 'tech.md'))) {
    corpusDir = candidate; // pointed at corpus/ itself
    benchDir = resolve(candidate, '..');
  }
  if (!existsSync(join(corpusDir, 'tech.md'))) {
    throw new Error(
      `benchmark corpus not found in ${candidate} (expected corpus/tech.md there).\n` +
      'Pass --corpus-dir DIR or set GALLEY_BENCH_DIR to the shared bench folder.',
    );
  }
  const generator = [join(benchDir, 'make-corpus.mjs'), join(corpusDir, 'make-corpus.mjs')].find((f) => existsSync(f)) ?? null;
  return { benchDir, corpusDir, generator };
}

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Make sure the generated inputs exist in `cacheDir` (regenerating them when the generator
 * changed). Writes into a temporary sibling and renames, so an interrupted run never
 * leaves a half-written corpus behind. Returns the directory holding the inputs.
 */
export function ensureGenerated(generator, cacheDir, log) {
  if (!generator) throw new Error('make-corpus.mjs not found next to the corpus: cannot generate the large inputs');
  const hash = sha256(generator);
  const stamp = join(cacheDir, '.generator-sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) return cacheDir;

  log(`generating the benchmark corpus into ${cacheDir} (once; reused while make-corpus.mjs is unchanged) …`);
  const tmp = `${cacheDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const r = spawnSync(process.execPath, [generator, tmp], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`make-corpus.mjs failed (exit ${r.status}):\n${(r.stderr ?? '').trim()}`);
  }
  writeFileSync(join(tmp, '.generator-sha256'), `${hash}\n`);
  rmSync(cacheDir, { recursive: true, force: true });
  try {
    renameSync(tmp, cacheDir);
  } catch (err) {
    // Another benchmark run may have won the race with the same generator: use its copy.
    rmSync(tmp, { recursive: true, force: true });
    if (!(existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash)) throw err;
  }
  return cacheDir;
}

/** Total size in bytes of a file, or of the .md files of a folder (not recursive). */
export function inputBytes(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path)
    .filter((f) => f.endsWith('.md'))
    .reduce((sum, f) => sum + statSync(join(path, f)).size, 0);
}

export function countMarkdown(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.md')).length;
}
