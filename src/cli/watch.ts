// `galley watch` (`galley build --watch`): build, then rebuild whenever a file
// under the input root changes. The build's cache decides what that change
// touches: the document itself, or every document that read the image that
// changed; the others are left as they are. One line per rebuild, with its
// time; a broken document prints its error and the watcher goes on. It stops
// on SIGINT or SIGTERM (exit code 0).
import { readdirSync, watch as watchFolder, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { createBuilder, type BuildOptions } from '../build/index.js';
import type { BuildReport, DocumentReport } from '../build/report.js';
import { defaultCacheDir } from '../build/cache.js';
import type { Reporter } from './reporters/types.js';
import type { CliIo } from './run.js';

/** Waits this long after a change for the others that come with it (an editor saves in steps). */
const settle = 60;

export async function watch(options: BuildOptions, reporter: Reporter, io: CliIo, stop?: AbortSignal): Promise<number> {
  let first = true;
  const builder = createBuilder({
    ...options,
    // After the first build, only documents converted again speak.
    onDocument: (document) => {
      if (first || !document.cached) reporter.document(document);
    },
    onProgress: (progress) => {
      if (first) reporter.progress?.(progress);
    },
  });
  const out = path.resolve(options.out ?? 'output');
  const cache = options.cache === false ? undefined : path.resolve(options.cache ?? defaultCacheDir);
  const watchers = new Map<string, FSWatcher>();
  let root: string | undefined;

  const skipped = (full: string) => {
    const name = path.basename(full);
    return name.startsWith('.') || name === 'node_modules' || full === out || full === cache;
  };
  // One watcher per folder (fs.watch is not recursive on every platform), kept in step with the tree.
  const follow = (folder: string, seen: Set<string>) => {
    seen.add(folder);
    if (!watchers.has(folder)) {
      try {
        const watcher = watchFolder(folder, (_event, name) => {
          if (name && skipped(path.join(folder, name.toString()))) return;
          schedule();
        });
        watcher.on('error', () => {});
        watchers.set(folder, watcher);
      } catch {
        return;
      }
    }
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && !skipped(full)) follow(full, seen);
    }
  };
  const resync = () => {
    if (!root) return;
    const seen = new Set<string>();
    follow(root, seen);
    for (const [folder, watcher] of watchers) {
      if (seen.has(folder)) continue;
      watcher.close();
      watchers.delete(folder);
    }
  };

  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), settle);
  };

  const rebuild = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = process.hrtime.bigint();
    try {
      const report = await builder.run();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (first) reporter.end(report, seconds);
      else rebuildLine(report, seconds, io);
      root = path.resolve(report.root);
    } catch (error) {
      // A missing input folder, a file that cannot be read: said, and the watch goes on.
      io.stderr.write(`galley: ${(error as Error).message}\n`);
    } finally {
      first = false;
      running = false;
    }
    resync();
    if (again) {
      again = false;
      await rebuild();
    }
  };

  await rebuild();
  if (!root) root = path.resolve(commonRoot(options.inputs ?? ['input']));
  resync();
  io.stderr.write(`galley: watching ${path.relative(process.cwd(), root) || '.'} for changes (Ctrl-C to stop)\n`);

  await new Promise<void>((resolve) => {
    const end = () => resolve();
    process.once('SIGINT', end);
    process.once('SIGTERM', end);
    stop?.addEventListener('abort', end);
  });
  clearTimeout(timer);
  for (const watcher of watchers.values()) watcher.close();
  while (running) await new Promise((resolve) => setTimeout(resolve, 20));
  await builder.close();
  return 0;
}

/** One line per rebuild: what was converted, what failed, what was removed, and the time. */
function rebuildLine(report: BuildReport, seconds: number, io: CliIo): void {
  const converted = report.documents.filter((d) => !d.cached);
  const removed = report.removed;
  if (converted.length === 0 && removed.length === 0) return;
  const names = (documents: DocumentReport[]) => documents.map((d) => d.path).join(', ');
  const ok = converted.filter((d) => d.status === 'converted');
  const failed = converted.filter((d) => d.status === 'failed');
  const parts = [];
  if (ok.length > 0) parts.push(`rebuilt ${names(ok)}`);
  if (failed.length > 0) parts.push(`failed ${names(failed)}`);
  if (removed.length > 0) parts.push(`removed the outputs of ${removed.join(', ')}`);
  io.stderr.write(`galley: ${parts.join('; ')} (${seconds.toFixed(2)} s)\n`);
}

function commonRoot(inputs: readonly string[]): string {
  const first = inputs[0] ?? '.';
  return path.extname(first) ? path.dirname(first) : first;
}
