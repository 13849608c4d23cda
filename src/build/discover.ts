// Finds the documents to convert: files given by name, and every file with a
// document extension under folders given by name. Sorted, so every run sees
// the same order. Dot-entries, node_modules and the output folder are skipped.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const defaultExtensions: readonly string[] = ['.md', '.markdown', '.txt'];

export class InputError extends Error {
  override name = 'InputError';
}

export interface Discovered {
  /** Absolute path of the folder outputs mirror and images must stay inside. */
  root: string;
  /** Absolute paths of the documents, sorted. */
  documents: string[];
}

export function discover(inputs: readonly string[], extensions: readonly string[], outDir: string): Discovered {
  if (inputs.length === 0) throw new InputError('no input given');
  const wanted = new Set(extensions.map((e) => e.toLowerCase()));
  const skip = path.resolve(outDir);
  const documents = new Set<string>();
  const folders: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(input);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      throw new InputError(`input "${input}" does not exist`);
    }
    if (stat.isDirectory()) {
      folders.push(absolute);
      walk(absolute, wanted, skip, documents);
    } else if (stat.isFile()) documents.add(absolute);
    else throw new InputError(`input "${input}" is neither a file nor a folder`);
  }
  const root = commonFolder([...folders, ...[...documents].filter((d) => !folders.some((f) => isInside(d, f))).map(path.dirname)]);
  return { root, documents: [...documents].sort(compareCodePoints) };
}

function walk(folder: string, wanted: Set<string>, skip: string, found: Set<string>): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => compareCodePoints(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (full === skip) continue;
    // Symbolic links to folders are not followed (no cycles); links to files
    // are kept and the IO gate checks where they really point.
    if (entry.isDirectory()) walk(full, wanted, skip, found);
    else if ((entry.isFile() || entry.isSymbolicLink()) && wanted.has(path.extname(entry.name).toLowerCase())) {
      found.add(full);
    }
  }
}

function commonFolder(folders: string[]): string {
  if (folders.length === 0) return process.cwd();
  let common = folders[0] as string;
  for (const folder of folders.slice(1)) {
    while (!isInside(folder, common) && folder !== common) common = path.dirname(common);
  }
  return common;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
