// `build`: discover documents, take this shard's share, convert what changed
// on a pool of worker threads (a failure never stops the batch), keep or
// restore what did not, write the manifest, remove the outputs of sources
// that disappeared, and return a report in input order.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ConvertOptions } from '../convert.js';
import { createRegistry, defaultEmitters, selectEmitters } from '../emit/registry.js';
import type { Emitter } from '../emit/types.js';
import { createGate, GateError, toPosix } from '../io/gate.js';
import { defaultLimits, type Limits } from '../limits.js';
import { version } from '../version.js';
import {
  defaultCacheDir, documentKey, entryDir, NotCacheable, removeEntry, stableKeyOf,
} from './cache.js';
import { defaultExtensions, discover } from './discover.js';
import {
  isManifestName, manifestName, newManifest, readManifest, writeManifest, type Manifest, type ManifestDocument,
} from './manifest.js';
import { exists, removeOutputs, removeWritten } from './outputs.js';
import { planOutputs, type PlannedDocument } from './plan.js';
import { createConverter, defaultWorkerLimits, LimitError, type Converter, type WorkerLimits } from './pool.js';
import { summarize, type BuildReport, type DocumentReport, type MessageRecord } from './report.js';
import { keyedEmitOptions, reuse } from './reuse.js';
import { inShard, parseShard, type Shard } from './shard.js';
import type { DocumentTask, TaskResult, TaskSettings } from './task.js';

export type BuildLimits = Limits & WorkerLimits;

export interface BuildProgress {
  /** Documents finished (converted, unchanged or failed). */
  done: number;
  total: number;
  /** The document that started converting last, relative to the input root. */
  current?: string;
}

export interface BuildOptions extends Omit<ConvertOptions, 'gate' | 'root' | 'limits'> {
  /** Files and folders to convert (default `["input"]`). */
  inputs?: readonly string[];
  /** Output folder (default `"output"`). */
  out?: string;
  /** Extensions of document files inside input folders (default .md, .markdown, .txt). */
  extensions?: readonly string[];
  /** Parse limits, plus `maxSeconds` per document (300) and `maxHeapMegabytes` per worker (4096). */
  limits?: Partial<BuildLimits>;
  /** Documents converted at once, each in its own worker thread (default: the number of cores). */
  jobs?: number;
  /** Cache folder (default `node_modules/.cache/galley`), or false for none. */
  cache?: string | false;
  /** Convert every document, even those unchanged since the last build (default false). */
  force?: boolean;
  /** Convert only this stable share of the documents: `{index, count}` or `"2/4"`. */
  shard?: Shard | string;
  /** Called after each document, in input order (reporters). */
  onDocument?: (report: DocumentReport) => void;
  /** Called when a document starts and when one finishes, in any order (progress bars). */
  onProgress?: (progress: BuildProgress) => void;
}

/** Converts the documents once; see `createBuilder` to build again and again (watch mode). */
export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const builder = createBuilder(options);
  try {
    return await builder.run();
  } finally {
    await builder.close();
  }
}

export interface Builder {
  /** One build: only documents that changed since the last one are converted. */
  run(): Promise<BuildReport>;
  /** Stops the worker threads. */
  close(): Promise<void>;
}

/** A build that keeps its worker threads between runs. */
export function createBuilder(options: BuildOptions = {}): Builder {
  const out = path.resolve(options.out ?? 'output');
  const registry = createRegistry(options.emitters);
  const emitters = selectEmitters(registry, options.to ?? Object.keys(registry));
  const shard = typeof options.shard === 'string' ? parseShard(options.shard) : (options.shard ?? null);
  const jobs = Math.max(1, Math.floor(options.jobs ?? availableParallelism()));
  const { maxSeconds, maxHeapMegabytes, ...parseLimits } = { ...defaultLimits, ...defaultWorkerLimits, ...options.limits };
  const limits: Limits = parseLimits;
  const cacheDir = options.cache === false ? undefined : path.resolve(options.cache ?? defaultCacheDir);
  const builtIn = emitters.every((e) => defaultEmitters[e.name] === e);
  let converter: Promise<Converter> | undefined;
  let converterRoot: string | undefined;

  async function run(): Promise<BuildReport> {
    const found = discover(options.inputs ?? ['input'], options.extensions ?? defaultExtensions, out);
    const root = found.root;
    const gate = createGate(root);
    const all = planOutputs(found.documents, root, out, emitters);
    const planned = shard ? all.filter((d) => inShard(d.relative, shard)) : all;
    for (const document of planned) refuseManifestName(document, out);

    const settings: TaskSettings = {
      root,
      out,
      formats: emitters.map((e) => e.name),
      limits,
      emit: options.emit ?? {},
      ...(options.smart === undefined ? {} : { smart: options.smart }),
      ...(options.assets === undefined ? {} : { assets: options.assets }),
      ...(options.metaDefaults ? { metaDefaults: options.metaDefaults } : {}),
      ...(options.metaOverrides ? { metaOverrides: options.metaOverrides } : {}),
    };
    // Plain-data options go to worker threads and into the cache key; functions keep both off.
    let optionsKey: string | undefined;
    try {
      optionsKey = builtIn ? stableKeyOf({ ...settings, root: undefined, out: undefined, emit: keyedEmitOptions(settings.emit) }) : undefined;
    } catch (error) {
      if (!(error instanceof NotCacheable)) throw error;
    }
    const caching = cacheDir !== undefined && optionsKey !== undefined;

    // Workers are started only when a document needs converting, and kept for later runs.
    const getConverter = () => {
      if (converter && converterRoot !== root) throw new Error('the input root changed between runs of one builder');
      converterRoot = root;
      converter ??= createConverter({
        jobs,
        limits: { maxSeconds, maxHeapMegabytes },
        settings,
        transferable: optionsKey !== undefined,
        emitters,
        gate,
      });
      return converter;
    };

    const manifestFile = path.join(out, manifestName(shard));
    const previous = readManifest(manifestFile);
    const previousRoot = previous ? path.resolve(out, previous.root) : undefined;
    const previousDocuments = new Map<string, ManifestDocument>();
    for (const document of previous?.documents ?? []) previousDocuments.set(path.resolve(previousRoot as string, document.source), document);

    const reads = new Map<string, string>();
    const reports: DocumentReport[] = new Array(planned.length);
    const keys: (string | null)[] = new Array(planned.length).fill(null);
    let flushed = 0;
    let done = 0;
    const finish = (index: number, report: DocumentReport) => {
      reports[index] = report;
      done++;
      options.onProgress?.({ done, total: planned.length });
      while (flushed < planned.length && reports[flushed]) {
        const ready = reports[flushed++] as DocumentReport;
        options.onDocument?.(ready);
      }
    };

    const convertOne = async (index: number): Promise<void> => {
      const document = planned[index] as PlannedDocument;
      const report: DocumentReport = {
        source: document.relative,
        path: displayPath(document.source),
        status: 'failed',
        cached: false,
        outputs: [],
        messages: [],
      };
      const fail = (message: string, ruleId: string) => {
        report.messages.push(errorRecord(message, ruleId));
        removeOutputs(document);
        finish(index, report);
      };
      if (document.conflict) return fail(document.conflict, 'output-conflict');
      let bytes: Buffer;
      try {
        bytes = gate.read(document.source, limits.maxFileBytes).bytes;
      } catch (error) {
        if (error instanceof GateError) return fail(error.message, `document-${error.reason}`);
        throw error;
      }
      const key = caching ? documentKey(optionsKey as string, document.relative, bytes) : undefined;
      keys[index] = key ?? null;
      if (key && !options.force && reuse(entryDir(cacheDir as string, key), key, document, report, { gate, root, out, reads })) {
        return finish(index, report);
      }

      options.onProgress?.({ done, total: planned.length, current: document.relative });
      const task: DocumentTask = {
        source: document.source,
        bytes,
        outputs: document.outputs,
        ...(key ? { cache: { dir: entryDir(cacheDir as string, key), key } } : {}),
      };
      let result: TaskResult;
      try {
        result = await (await getConverter()).convert(task);
      } catch (error) {
        removeOutputs(document);
        if (key) removeEntry(cacheDir as string, key);
        keys[index] = null;
        if (error instanceof LimitError) return fail(error.message, error.ruleId);
        return fail(`internal error: ${(error as Error).stack ?? error}`, 'internal');
      }
      Object.assign(report, result);
      finish(index, report);
    };

    // As many lanes as documents convert at once; unchanged documents pass quickly.
    const lanes = Math.min(planned.length, jobs);
    let next = 0;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (next < planned.length) await convertOne(next++);
      }),
    );

    const current = new Map(planned.map((d, index) => [d.source, index]));
    const manifestDocuments: ManifestDocument[] = reports.map((report, index) => ({
      source: report.source,
      status: report.status,
      key: keys[index] ?? null,
      outputs: report.outputs,
      messages: report.messages,
    }));
    const removed: string[] = [];
    for (const [source, before] of previousDocuments) {
      const index = current.get(source);
      if (index !== undefined) {
        // Outputs of an earlier build this one did not write (a format dropped, or one that failed).
        const now = new Set(reports[index]!.outputs.map((o) => o.path));
        removeWritten(out, before.outputs.filter((o) => !now.has(o.path)));
        if (cacheDir && before.key && before.key !== keys[index]) removeEntry(cacheDir, before.key);
      } else if (exists(source)) {
        // Converted by an earlier build (other inputs or another shard): still there, still listed.
        manifestDocuments.push({ ...before, source: toPosix(path.relative(root, source)) });
      } else {
        // Its source disappeared: remove what galley wrote for it, and nothing else.
        removeWritten(out, before.outputs);
        if (cacheDir && before.key) removeEntry(cacheDir, before.key);
        removed.push(toPosix(path.relative(root, source)));
      }
    }
    if (planned.length > 0 || previous) {
      const manifest: Manifest = newManifest(toPosix(path.relative(out, root)) || '.', shard, manifestDocuments);
      writeManifest(manifestFile, manifest);
    }

    return {
      galley: { version },
      root: displayPath(root),
      out: displayPath(out),
      formats: emitters.map((e) => e.name),
      shard,
      documents: reports,
      removed: removed.sort(),
      summary: summarize(reports),
    };
  }

  return {
    run,
    async close() {
      const pending = converter;
      converter = undefined;
      if (pending) await (await pending).close();
    },
  };
}

function refuseManifestName(document: PlannedDocument, out: string): void {
  const clash = document.outputs.find((o) => path.dirname(o.path) === out && isManifestName(path.basename(o.path)));
  if (clash) document.conflict ??= `its output ${path.basename(clash.path)} would replace galley's manifest; rename it`;
}

function errorRecord(message: string, ruleId: string): MessageRecord {
  return { severity: 'error', message, line: null, column: null, ruleId, source: 'galley' };
}

function displayPath(absolute: string): string {
  return toPosix(path.relative(process.cwd(), absolute)) || '.';
}
