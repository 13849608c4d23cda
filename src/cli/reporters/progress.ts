// Build progress. On a terminal (and not in CI): one bar, redrawn in place,
// with documents done/total, the document converting and an ETA. Elsewhere
// (CI=true, a pipe, a log file): a plain line at each tenth of the batch, at
// most one every two seconds, so short builds print none. Nothing with
// --quiet or --no-progress.
import type { BuildProgress } from '../../build/index.js';
import type { ReporterOptions } from './types.js';

export interface ProgressView {
  update(progress: BuildProgress): void;
  /** Clears the bar before other output is written to standard error. */
  clear(): void;
  /** Clears the bar for good. */
  end(): void;
}

const none: ProgressView = { update() {}, clear() {}, end() {} };

export function isCi(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.CI) && env.CI !== 'false' && env.CI !== '0';
}

export function progressView(
  options: ReporterOptions,
  { plain = false, now = () => performance.now() }: { plain?: boolean; now?: () => number } = {},
): ProgressView {
  if (options.quiet || !options.progress) return none;
  return options.stderr.isTTY && !isCi(options.env) && !plain ? bar(options, now) : lines(options, now);
}

function eta(started: number, now: number, { done, total }: BuildProgress): string {
  if (done === 0) return '';
  const seconds = ((now - started) / done) * (total - done) / 1000;
  return seconds < 60 ? `ETA ${Math.ceil(seconds)} s` : `ETA ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

function bar(options: ReporterOptions, now: () => number): ProgressView {
  const started = now();
  let shown = false;
  let drawn = Number.NEGATIVE_INFINITY;
  let last: BuildProgress | undefined;
  let current = '';
  const width = 24;
  const draw = () => {
    if (!last) return;
    const filled = last.total === 0 ? width : Math.round((last.done / last.total) * width);
    const columns = (options.stderr as { columns?: number }).columns ?? 80;
    let line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${last.done}/${last.total} ${eta(started, now(), last)}  ${current}`;
    if (line.length > columns - 1) line = line.slice(0, columns - 2) + '…';
    options.stderr.write(`\r\x1b[K${line}`);
    shown = true;
    drawn = now();
  };
  const clear = () => {
    if (shown) options.stderr.write('\r\x1b[K');
    shown = false;
  };
  return {
    update(progress) {
      last = progress;
      if (progress.current) current = progress.current;
      // Redrawn ten times a second at most: a terminal is slower than a cached build.
      if (now() - drawn >= 100 || progress.done === progress.total) draw();
    },
    clear,
    end: clear,
  };
}

function lines(options: ReporterOptions, now: () => number): ProgressView {
  const started = now();
  let printed = started;
  let tenth = 0;
  return {
    update(progress) {
      if (progress.total === 0 || progress.current) return;
      const reached = Math.floor((progress.done / progress.total) * 10);
      if (reached <= tenth || reached >= 10) return;
      tenth = reached;
      if (now() - printed < 2000) return;
      printed = now();
      options.stderr.write(
        `galley: ${progress.done} of ${progress.total} documents (${reached * 10} %), ${eta(started, printed, progress)}\n`,
      );
    },
    clear() {},
    end() {},
  };
}
