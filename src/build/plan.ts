// Maps each document to its output files: the output tree mirrors the input
// tree. Two documents that would write the same file (a.md and a.txt, or
// names differing only in case) are both refused, naming each other.
import path from 'node:path';
import type { Emitter } from '../emit/types.js';
import { toPosix } from '../io/gate.js';

export interface PlannedOutput {
  format: string;
  /** Absolute path. */
  path: string;
}

export interface PlannedDocument {
  /** Absolute path of the source. */
  source: string;
  /** Source path relative to the input root, `/` separators. */
  relative: string;
  outputs: PlannedOutput[];
  /** Why this document cannot be converted (an output name clash). */
  conflict?: string;
}

export function planOutputs(
  documents: readonly string[],
  root: string,
  outDir: string,
  emitters: readonly Emitter[],
): PlannedDocument[] {
  const owners = new Map<string, PlannedDocument>();
  const planned = documents.map((source) => {
    const relative = toPosix(path.relative(root, source));
    const stem = relative.slice(0, relative.length - path.extname(relative).length);
    const outputs = emitters.map((emitter) => ({
      format: emitter.name,
      path: path.resolve(outDir, `${stem}.${emitter.extension}`),
    }));
    return { source, relative, outputs } as PlannedDocument;
  });
  for (const document of planned) {
    // Case-insensitive: the output folder must also work on macOS and Windows.
    const key = document.outputs[0]?.path.toLowerCase();
    if (key === undefined) continue;
    const owner = owners.get(key);
    if (!owner) {
      owners.set(key, document);
      continue;
    }
    const clash = (other: PlannedDocument) => `same output name as ${other.relative}; rename one of them`;
    document.conflict = clash(owner);
    owner.conflict ??= clash(document);
  }
  return planned;
}
