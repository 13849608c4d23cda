// A temporary folder with files, for tests that build or run the CLI.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Workspace {
  dir: string;
  path(...parts: string[]): string;
  write(relative: string, content: string | Uint8Array): string;
  /** Every file below `relative`, relative to it, sorted. */
  files(relative?: string): string[];
  remove(): void;
}

export function createWorkspace(files: Record<string, string | Uint8Array> = {}): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'galley-test-'));
  const workspace: Workspace = {
    dir,
    path: (...parts) => path.join(dir, ...parts),
    write(relative, content) {
      const target = path.join(dir, relative);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
      return target;
    },
    files(relative = '.') {
      const base = path.join(dir, relative);
      const found: string[] = [];
      const walk = (folder: string) => {
        for (const name of readdirSync(folder)) {
          const full = path.join(folder, name);
          if (statSync(full).isDirectory()) walk(full);
          else found.push(path.relative(base, full).split(path.sep).join('/'));
        }
      };
      walk(base);
      return found.sort();
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [name, content] of Object.entries(files)) workspace.write(name, content);
  return workspace;
}
