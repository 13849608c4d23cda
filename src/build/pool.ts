// Where documents are converted: a pool of worker threads (piscina), each
// with a heap limit and a per-document time limit, or, when no worker can
// be used, the calling thread.
//
// A document over a limit fails alone: the pool ends its worker (piscina
// starts a fresh one) and the batch goes on. Workers need the compiled
// worker file next to this module: dist/build/worker.js for the library,
// dist/bin/worker.js in the command's bundle. Running from the TypeScript
// sources (tests), or with options that cannot cross to a thread (custom
// emitters, handler functions), documents are converted in the calling
// thread, one at a time, without the time and heap limits.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Emitter } from '../emit/types.js';
import type { Gate } from '../io/gate.js';
import type { DocumentTask, TaskResult, TaskSettings } from './task.js';

export interface WorkerLimits {
  /** Longest time one document may take, in seconds (default 300). */
  maxSeconds: number;
  /**
   * Heap a document may use, in MiB (default 4096): the heap limit of the
   * worker converting it (one document at a time). Workers run with at most
   * 1024 MiB; a document that needs more is converted again with this limit.
   */
  maxHeapMegabytes: number;
}

export const defaultWorkerLimits: WorkerLimits = {
  maxSeconds: 300,
  maxHeapMegabytes: 4096,
};

/** A document stopped by a resource limit: the rule names the limit. */
export class LimitError extends Error {
  constructor(
    readonly ruleId: 'time-limit' | 'heap-limit',
    message: string,
  ) {
    super(message);
    this.name = 'LimitError';
  }
}

export interface Converter {
  /** How many documents convert at once. */
  readonly concurrency: number;
  /** Whether documents run in worker threads (with the limits). */
  readonly threaded: boolean;
  /** Rejects with a LimitError when the document exceeded a limit. */
  convert(task: DocumentTask): Promise<TaskResult>;
  close(): Promise<void>;
}

/** The compiled worker next to this module, if there is one. */
export function workerFile(): string | undefined {
  const file = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

export interface ConverterOptions {
  jobs: number;
  limits: WorkerLimits;
  settings: TaskSettings;
  /** Whether the settings can be sent to a thread (plain data only). */
  transferable: boolean;
  /** The build's emitters and gate, for conversion in the calling thread. */
  emitters: readonly Emitter[];
  gate: Gate;
  /** The heap workers start with (default `workingHeapMegabytes`; tests lower it). */
  workingHeapMegabytes?: number;
}

/**
 * Workers convert with a heap of at most this many MiB: V8 grows a heap with
 * a high limit lazily, so a worker that converts hundreds of documents under
 * 4 GiB would swell to several times what it needs. A document that needs
 * more is converted again on a worker with the full limit.
 */
export const workingHeapMegabytes = 1024;

/**
 * Documents at least this large go straight to a worker with the full heap
 * limit: converting one takes 150–200 bytes of heap per byte of Markdown
 * (a 10 MB document needs about 2 GiB), so a first try under the working
 * heap would only run out of memory and start again.
 */
export const largeDocumentBytes = 2 * 1024 * 1024;

export async function createConverter(options: ConverterOptions): Promise<Converter> {
  const file = options.transferable ? workerFile() : undefined;
  if (!file) return inProcess(options);
  const { Piscina } = await import('piscina');
  const { maxSeconds, maxHeapMegabytes } = options.limits;
  const makePool = (heap: number, threads: number) => {
    const pool = new Piscina({
      filename: file,
      // One worker at first, more as documents queue up: a rebuild of one document starts one.
      minThreads: 1,
      maxThreads: threads,
      // Workers live as long as the build (or the watcher): no idle shutdown (the longest timer Node takes).
      idleTimeout: 2 ** 31 - 1,
      recordTiming: false,
      resourceLimits: { maxOldGenerationSizeMb: heap },
      // Between tasks a worker must return to its event loop: with piscina's default
      // (waiting on Atomics), callbacks a document left on process.nextTick (pdfkit's
      // stream ends) never run, and every PDF document stayed in memory (300 KB each).
      atomics: 'disabled',
      workerData: options.settings,
    });
    // A worker that dies (out of memory) is reported through the task it ran; the pool replaces it.
    pool.on('error', () => {});
    return pool;
  };
  const working = Math.min(options.workingHeapMegabytes ?? workingHeapMegabytes, maxHeapMegabytes);
  const pool = makePool(working, options.jobs);
  let large: InstanceType<typeof Piscina> | undefined;

  const run = async (target: InstanceType<typeof Piscina>, task: DocumentTask, milliseconds: number): Promise<TaskResult> => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), milliseconds);
    try {
      return (await target.run(task, { signal: abort.signal })) as TaskResult;
    } catch (error) {
      if (abort.signal.aborted) throw new LimitError('time-limit', `exceeded the ${maxSeconds} s limit`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
  const outOfMemory = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
  const heapLimit = () => new LimitError('heap-limit', `exceeded the ${maxHeapMegabytes} MiB memory limit`);

  return {
    concurrency: options.jobs,
    threaded: true,
    async convert(task) {
      const started = performance.now();
      if (task.bytes.length < largeDocumentBytes || working >= maxHeapMegabytes) {
        try {
          return await run(pool, task, maxSeconds * 1000);
        } catch (error) {
          if (!outOfMemory(error)) throw error;
          if (working >= maxHeapMegabytes) throw heapLimit();
        }
      }
      // Large, or over the working heap: with the full limit, in the time left.
      const left = maxSeconds * 1000 - (performance.now() - started);
      if (left <= 0) throw new LimitError('time-limit', `exceeded the ${maxSeconds} s limit`);
      large ??= makePool(maxHeapMegabytes, 1);
      try {
        return await run(large, task, left);
      } catch (error) {
        throw outOfMemory(error) ? heapLimit() : error;
      }
    },
    async close() {
      await Promise.all([pool.destroy(), large?.destroy()]);
    },
  };
}

function inProcess(options: ConverterOptions): Converter {
  const context = { settings: options.settings, emitters: options.emitters, gate: options.gate };
  return {
    concurrency: 1,
    threaded: false,
    // Loaded on first use: a build whose documents convert on workers never needs the parse stage here.
    convert: async (task) => (await import('./task.js')).convertDocument(task, context),
    close: async () => {},
  };
}
