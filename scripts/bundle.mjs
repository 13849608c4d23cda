#!/usr/bin/env node
// Bundles the command line into dist/bin/: one entry file plus chunks that
// load only when a document needs them (the HTML renderer, highlighting,
// math, other emitters). Loading one file instead of hundreds of small
// modules halves galley's start-up; splitting keeps what an empty document
// compiles small. The library (dist/index.js, from tsc) is not bundled.
//
// A second entry, dist/bin/worker.js, is what each worker thread of the build
// pool runs; the pool finds it next to itself (src/build/pool.ts looks for
// ./worker.js beside its own module), so the pool must land in galley.js,
// which is checked below. piscina stays outside the bundle: it starts its
// workers from its own files.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// `node scripts/bundle.mjs [DIR]`: another folder, to keep a build aside (benchmarks).
const outdir = process.argv[2] ? resolve(process.argv[2]) : `${root}dist/bin`;

/** A digest of what the bundle is made of: cache keys include it (src/version.ts). */
function sourceDigest() {
  const hash = createHash('sha256');
  const files = ['package-lock.json', ...readdirSync(`${root}src`, { recursive: true }).map((f) => `src/${f}`), ...readdirSync(`${root}patches`).map((f) => `patches/${f}`)];
  for (const file of files.map((f) => f.split('\\').join('/')).sort()) {
    if (!/\.(ts|json|patch)$/.test(file)) continue;
    hash.update(`${file}\n`).update(readFileSync(`${root}${file}`));
  }
  return hash.digest('hex').slice(0, 16);
}

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { galley: 'src/cli/main.ts', worker: 'src/build/worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['piscina'],
  chunkNames: 'chunks/[name]-[hash]',
  // Bundled CommonJS dependencies call require(); ESM output has none of its own.
  banner: { js: "import { createRequire as galleyCreateRequire } from 'node:module'; const require = galleyCreateRequire(import.meta.url);" },
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
  define: { GALLEY_BUILD: JSON.stringify(sourceDigest()) },
});

const home = Object.entries(result.metafile.outputs).find(([, output]) => 'src/build/pool.ts' in output.inputs)?.[0];
const expected = relative(root, `${outdir}/galley.js`);
if (home !== expected) {
  console.error(`bundle: src/build/pool.ts landed in ${home ?? 'no output'}, not ${expected}: the pool would not find worker.js`);
  process.exit(1);
}
