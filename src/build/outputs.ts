// The files galley wrote, and only those, are what a build may remove: the
// outputs of a document that failed (with any temporary file a stopped
// worker left), and the outputs an earlier build listed that are no longer
// wanted, as long as they still hold what galley wrote.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from './hash.js';
import type { PlannedDocument } from './plan.js';
import type { OutputRecord } from './report.js';

/**
 * A failed document keeps no output from an earlier run (what is in the
 * output folder always matches the current sources), nor a temporary file
 * from a worker stopped in the middle of writing.
 */
export function removeOutputs(planned: PlannedDocument): void {
  for (const output of planned.outputs) {
    rmSync(output.path, { force: true });
    const prefix = `.${path.basename(output.path)}.`;
    let names: string[] = [];
    try {
      names = readdirSync(path.dirname(output.path));
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(path.join(path.dirname(output.path), name), { force: true });
    }
  }
}

/** Removes outputs an earlier build wrote, if they still hold what it wrote. */
export function removeWritten(out: string, outputs: readonly OutputRecord[]): void {
  for (const output of outputs) {
    const file = path.resolve(out, output.path);
    if (!isInside(file, out)) continue;
    try {
      const bytes = readFileSync(file);
      if (bytes.length === output.bytes && sha256(bytes) === output.sha256) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  }
}

export function exists(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
