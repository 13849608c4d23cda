// The commands being compared: galley's CLI and its pandoc peers.
// Each command is built for a fresh output folder per run: make(outDir) -> { file, args }.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';

const FALLBACK_FORMATS = ['html', 'json'];
const EXTENSIONS = { html: 'html', json: 'json', docx: 'docx', pdf: 'pdf' };

export function extensionOf(format) {
  return EXTENSIONS[format] ?? format;
}

/** First executable called `name` on PATH, or null. */
export function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch { /* not here */ }
  }
  return null;
}

/**
 * How to start galley: `node dist/bin/galley.js`, or GALLEY_BIN (a .js/.mjs file run with
 * this node, or any executable) to benchmark another build or a stand-in.
 */
export function galleyTool(repoRoot) {
  const override = process.env.GALLEY_BIN;
  const entry = override ? resolve(override) : join(repoRoot, 'dist', 'bin', 'galley.js');
  const viaNode = /\.[cm]?js$/.test(entry);
  return {
    entry,
    exists: existsSync(entry),
    overridden: Boolean(override),
    file: viaNode ? process.execPath : entry,
    prefix: viaNode ? [entry] : [],
  };
}

/** Ask galley which formats it has (`formats` prints one name per line); fall back to html,json. */
export function galleyFormats(galley) {
  const r = spawnSync(galley.file, [...galley.prefix, 'formats'], { encoding: 'utf8', timeout: 60_000 });
  const names = r.status === 0
    ? (r.stdout ?? '').split('\n').map((l) => l.trim().split(/\s+/)[0]).filter((w) => /^[a-z][a-z0-9-]*$/i.test(w ?? ''))
    : [];
  if (names.length > 0) return { formats: [...new Set(names)], discovered: true };
  const lines = (r.stderr ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /error/i.test(l)) ?? lines[0];
  const why = r.error ? r.error.message : `exit ${r.status}${line ? `: ${line}` : ''}`;
  return { formats: FALLBACK_FORMATS, discovered: false, why };
}

/**
 * Whether `galley build` takes --force (used for the one-document, all-formats row): true
 * unless `galley build --help` answers and does not list it, so that a CLI without the
 * flag is still measured instead of failing on a usage error.
 */
export function galleyBuildHasForce(galley) {
  const r = spawnSync(galley.file, [...galley.prefix, 'build', '--help'], { encoding: 'utf8', timeout: 60_000 });
  return !(r.status === 0 && r.stdout && !/(^|\s)--force\b/.test(r.stdout));
}

/** `galley convert <file> --to <format> -o <outDir>/out.<ext>` */
export function galleyConvert(galley, input, format) {
  return (outDir) => ({
    file: galley.file,
    args: [...galley.prefix, 'convert', input, '--to', format, '-o', join(outDir, `out.${extensionOf(format)}`)],
  });
}

/**
 * `galley build <file-or-dir> --out <outDir>/out --to <formats> --quiet [--force]`
 * (several formats of one document, or a whole folder).
 */
export function galleyBuild(galley, input, formats, { force }) {
  return (outDir) => ({
    file: galley.file,
    args: [...galley.prefix, 'build', input, '--out', join(outDir, 'out'), '--to', formats.join(','), '--quiet',
      ...(force ? ['--force'] : [])],
  });
}

export function pandocInfo() {
  const pandoc = which('pandoc');
  let version = null;
  if (pandoc) {
    const r = spawnSync(pandoc, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    version = r.status === 0 ? r.stdout.split('\n')[0].replace(/^pandoc(\.exe)?\s*/, '') : null;
  }
  return { pandoc, version, weasyprint: which('weasyprint') };
}

/** Pandoc's flags for the peer of each galley format (html5 standalone, docx, json, pdf via weasyprint). */
const PEER_FLAGS = {
  html: ['-t', 'html5', '-s'],
  docx: ['-t', 'docx'],
  json: ['-t', 'json'],
  pdf: ['-t', 'html5', '--pdf-engine=weasyprint'],
};

export function peerDescription(info, formats) {
  return Object.entries(PEER_FLAGS)
    .filter(([format]) => formats.includes(format) && (format !== 'pdf' || info.weasyprint))
    .map(([format, flags]) => `${format} ← pandoc -f gfm ${flags.join(' ')}`)
    .join('; ');
}

/** The pandoc command matched to a galley format, or null if there is no peer here. */
export function pandocPeer(info, input, format) {
  if (!info.pandoc || !PEER_FLAGS[format]) return null;
  if (format === 'pdf' && !info.weasyprint) return null;
  // Run in the input's folder too: weasyprint resolves image paths against the working
  // directory, while --resource-path serves pandoc's own readers and writers (docx).
  return (outDir) => ({
    file: info.pandoc,
    cwd: dirname(input),
    args: ['-f', 'gfm', ...PEER_FLAGS[format], `--resource-path=${dirname(input)}`,
      '-o', join(outDir, `out.${extensionOf(format)}`), input],
  });
}
