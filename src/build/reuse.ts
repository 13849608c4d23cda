// What makes a rebuild cheap: a document whose cache entry still applies is
// not converted again (its outputs stay, or come back from the cache), and
// the emit options enter the cache key by what they mean, not where they are.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createGate, GateError, toPosix, type Gate } from '../io/gate.js';
import { loadEntry, readsStillHold, restoreOutput } from './cache.js';
import { sha256 } from './hash.js';
import type { PlannedDocument } from './plan.js';
import type { DocumentReport, OutputRecord } from './report.js';
import type { TaskSettings } from './task.js';

/**
 * An unchanged document: same key (bytes, path, options, version) and every
 * file it read still the same. Its outputs stay, or come back from the cache.
 */
export function reuse(
  dir: string,
  key: string,
  document: PlannedDocument,
  report: DocumentReport,
  { gate, root, out, reads }: { gate: Gate; root: string; out: string; reads: Map<string, string> },
): boolean {
  const entry = loadEntry(dir, key);
  if (!entry || !readsStillHold(entry.reads, gate, root, reads)) return false;
  const outputs: OutputRecord[] = [];
  const targets: string[] = [];
  for (const stored of entry.outputs) {
    const target = document.outputs.find((o) => o.format === stored.format);
    if (!target) return false;
    targets.push(target.path);
    outputs.push({ format: stored.format, path: toPosix(path.relative(out, target.path)), bytes: stored.bytes, sha256: stored.sha256 });
  }
  for (const [index, stored] of entry.outputs.entries()) {
    if (restoreOutput(dir, stored.format, stored, targets[index] as string) === 'missing') return false;
  }
  // Formats the entry has no output for (an emitter that failed) have no file either.
  for (const output of document.outputs) if (!targets.includes(output.path)) rmSync(output.path, { force: true });
  Object.assign(report, { status: entry.status, cached: true, outputs, messages: entry.messages });
  return true;
}

/**
 * The emit options as they enter the cache key: a pinned date (absent, each
 * output takes the time it is made and the key ignores it), the reference
 * document's bytes, and the extra PDF fonts by the bytes they hold rather
 * than by where they are.
 */
export function keyedEmitOptions(emit: TaskSettings['emit']): Record<string, unknown> {
  const pdf = emit.pdf as { fonts?: string[]; fontDir?: string; maxFontBytes?: number } | undefined;
  if (!pdf?.fonts?.length) return { ...emit, pdf: pdf && { ...pdf, fontDir: undefined } };
  const fontGate = createGate(pdf.fontDir ?? process.cwd());
  const fonts = pdf.fonts.map((font) => {
    try {
      return { font, sha256: sha256(fontGate.read(path.resolve(fontGate.root, font), pdf.maxFontBytes ?? 64 * 1024 * 1024).bytes) };
    } catch (error) {
      if (error instanceof GateError) return { font, error: error.reason };
      throw error;
    }
  });
  return { ...emit, pdf: { ...pdf, fontDir: undefined, fonts } };
}
