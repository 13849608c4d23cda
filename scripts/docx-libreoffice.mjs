#!/usr/bin/env node
// Opens galley's DOCX files in LibreOffice (headless) and converts them to
// PDF, and with --png to one PNG per page, so that a person can look at the
// pages as Word users will see them. Not a test: CI does not install
// LibreOffice. Install it with
//
//   apt-get update && apt-get install -y libreoffice-writer-nogui
//
// then:
//
//   npm run build
//   node scripts/docx-libreoffice.mjs --png                  # the two sample documents
//   node scripts/docx-libreoffice.mjs --png --out /tmp/lo a.md b.docx
//
// Markdown inputs are converted with galley (dist/index.js) first; .docx
// inputs are opened as they are. For each file it prints the PDF (and PNG)
// paths and the page count, and it fails (exit code 1) when LibreOffice
// reports an error or writes no PDF. Exit code 2: usage error, LibreOffice
// or the build missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const usage = `usage: node scripts/docx-libreoffice.mjs [--out DIR] [--png] [--dpi N] [FILE.md|FILE.docx …]
  default files: input/showcase.md input/communique-presse-numerique.md
  --out DIR   where the .docx, .pdf and .png files go (default: a new temporary folder)
  --png       also draw every page as PNG (pdftoppm, from poppler-utils)
  --dpi N     PNG resolution (default 60)`;

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, png: { type: 'boolean' }, dpi: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
} catch (error) {
  console.error(`${error.message}\n\n${usage}`);
  process.exit(2);
}
if (args.values.help) {
  console.log(usage);
  process.exit(0);
}
const soffice = ['soffice', 'libreoffice'].find((name) => spawnSync(name, ['--version'], { encoding: 'utf8' }).status === 0);
if (!soffice) {
  console.error('docx-libreoffice: LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui)');
  process.exit(2);
}
const out = path.resolve(args.values.out ?? mkdtempSync(path.join(tmpdir(), 'galley-lo-')));
mkdirSync(out, { recursive: true });
const inputs = (args.positionals.length ? args.positionals : ['input/showcase.md', 'input/communique-presse-numerique.md']).map((file) =>
  path.resolve(file),
);

const docxFiles = [];
for (const input of inputs) {
  if (input.endsWith('.docx')) {
    docxFiles.push(input);
    continue;
  }
  const library = path.join(root, 'dist/index.js');
  if (!existsSync(library)) {
    console.error('docx-libreoffice: dist/index.js is missing: run npm run build');
    process.exit(2);
  }
  const { convert } = await import(pathToFileURL(library).href);
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = epoch ? new Date(Number(epoch) * 1000) : new Date();
  const { document, results } = await convert({ path: input, value: readFileSync(input) }, { to: ['docx'], emit: { date } });
  for (const message of document.file.messages) {
    console.error(`${path.relative(process.cwd(), input)}:${message.line ?? 1}:${message.column ?? 1}: ${message.fatal ? 'error' : 'warning'} ${message.reason} [${message.ruleId}]`);
  }
  const emitted = results[0]?.emitted;
  if (!emitted) {
    console.error(`docx-libreoffice: galley could not convert ${input}`);
    process.exitCode = 1;
    continue;
  }
  // Fixture folders all hold an input.md: those are named after their folder.
  const base = path.basename(input).replace(/\.[^.]+$/, '');
  const target = path.join(out, `${base === 'input' ? path.basename(path.dirname(input)) : base}.docx`);
  writeFileSync(target, emitted.value);
  docxFiles.push(target);
}

// A profile of its own, so that a running LibreOffice does not take the job.
const profile = mkdtempSync(path.join(tmpdir(), 'galley-lo-profile-'));
try {
  for (const docx of docxFiles) {
    const pdf = path.join(out, `${path.basename(docx, '.docx')}.pdf`);
    rmSync(pdf, { force: true });
    const run = spawnSync(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const errors = `${run.stderr ?? ''}`.split('\n').filter((line) => /error/i.test(line) && !/javaldx/.test(line));
    if (run.status !== 0 || !existsSync(pdf) || statSync(pdf).size === 0 || errors.length) {
      console.error(`FAIL ${docx}: LibreOffice exit ${run.status}\n${run.stdout}${run.stderr}`);
      process.exitCode = 1;
      continue;
    }
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = /Pages:\s+(\d+)/.exec(info.stdout ?? '')?.[1] ?? '?';
    let pngs = '';
    if (args.values.png) {
      const prefix = path.join(out, path.basename(docx, '.docx'));
      const draw = spawnSync('pdftoppm', ['-png', '-r', args.values.dpi ?? '60', pdf, prefix], { encoding: 'utf8' });
      if (draw.status !== 0) {
        console.error(`FAIL ${pdf}: pdftoppm exit ${draw.status}: ${draw.stderr}`);
        process.exitCode = 1;
      }
      const base = path.basename(prefix);
      pngs = readdirSync(out)
        .filter((name) => name.startsWith(`${base}-`) && name.endsWith('.png'))
        .sort()
        .map((name) => `\n  ${path.join(out, name)}`)
        .join('');
    }
    console.log(`ok ${docx} → ${pdf} (${pages} pages)${pngs}`);
  }
} finally {
  rmSync(profile, { recursive: true, force: true });
}
