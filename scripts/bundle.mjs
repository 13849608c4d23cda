#!/usr/bin/env node
// Bundles the command line into dist/bin/: one entry file plus chunks that
// load only when a document needs them (the HTML renderer, highlighting,
// math, other emitters). Loading one file instead of hundreds of small
// modules halves galley's start-up; splitting keeps what an empty document
// compiles small. The library (dist/index.js, from tsc) is not bundled.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bin`;

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { galley: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Bundled CommonJS dependencies call require(); ESM output has none of its own.
  banner: { js: "import { createRequire as galleyCreateRequire } from 'node:module'; const require = galleyCreateRequire(import.meta.url);" },
  legalComments: 'linked',
  logLevel: 'warning',
});
