// One document's conversion, the same in a worker thread and in the calling
// thread: parse once, run every emitter, write the outputs atomically, and
// (when the build caches) store them with the record of every file the
// document read, so that an unchanged document is never converted again.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { VFileMessage } from 'vfile-message';
import { emitEach } from '../convert.js';
import { emittedBytes, type EmitOptions, type Emitter } from '../emit/types.js';
import { GateError, toPosix, type Gate } from '../io/gate.js';
import type { Limits } from '../limits.js';
import { parse, type MetaChoices } from '../parse/index.js';
import { sha256 } from './hash.js';
import { storeEntry, type CacheEntry, type ReadRecord } from './cache.js';
import type { PlannedOutput } from './plan.js';
import { messageRecords, type MessageRecord, type OutputRecord } from './report.js';
import { writeAtomic } from './write.js';

/** What is the same for every document of a build (sent once to each worker). */
export interface TaskSettings {
  /** Absolute input root, as discovered (not resolved through symlinks). */
  root: string;
  /** Absolute output folder. */
  out: string;
  formats: string[];
  smart?: boolean;
  assets?: boolean;
  metaDefaults?: MetaChoices;
  metaOverrides?: MetaChoices;
  limits: Limits;
  emit: EmitOptions;
}

export interface DocumentTask {
  /** Absolute path of the source. */
  source: string;
  /** The bytes the cache key was computed from: exactly these are converted. */
  bytes: Uint8Array;
  outputs: PlannedOutput[];
  /** Where to store the result for later builds; absent when the build does not cache. */
  cache?: { dir: string; key: string };
}

export interface TaskResult {
  status: 'converted' | 'failed';
  outputs: OutputRecord[];
  messages: MessageRecord[];
}

/** What a document's conversion needs besides the task: emitters and the gate (made once per thread). */
export interface TaskContext {
  settings: TaskSettings;
  emitters: readonly Emitter[];
  gate: Gate;
}

export async function convertDocument(task: DocumentTask, context: TaskContext): Promise<TaskResult> {
  const { settings, emitters } = context;
  const reads: ReadRecord[] = [];
  const gate = recordingGate(context.gate, settings.root, reads);
  let document;
  try {
    document = parse(
      { path: task.source, value: task.bytes },
      {
        gate,
        root: settings.root,
        limits: settings.limits,
        ...(settings.smart === undefined ? {} : { smart: settings.smart }),
        ...(settings.assets === undefined ? {} : { assets: settings.assets }),
        ...(settings.metaDefaults ? { metaDefaults: settings.metaDefaults } : {}),
        ...(settings.metaOverrides ? { metaOverrides: settings.metaOverrides } : {}),
      },
    );
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
    // A fatal parse problem is a property of the bytes: the same bytes fail the same way.
    for (const output of task.outputs) rmSync(output.path, { force: true });
    const result: TaskResult = { status: 'failed', outputs: [], messages: messageRecords([error]) };
    if (task.cache) store(task, result, reads, new Map());
    return result;
  }

  const outputs: OutputRecord[] = [];
  // Each output is written as soon as it is made, then only its file is kept (for the cache).
  const written = new Map<string, string>();
  await emitEach(document, emitters, settings.emit, (result, index) => {
    const target = task.outputs[index]?.path as string;
    if (!result.emitted) {
      rmSync(target, { force: true });
      return;
    }
    const content = emittedBytes(result.emitted);
    writeAtomic(target, content);
    outputs.push({
      format: result.format,
      path: toPosix(path.relative(settings.out, target)),
      bytes: content.length,
      sha256: sha256(content),
    });
    written.set(result.format, target);
  });
  const messages = messageRecords(document.file.messages);
  const result: TaskResult = {
    status: messages.some((m) => m.severity === 'error') ? 'failed' : 'converted',
    outputs,
    messages,
  };
  if (task.cache) store(task, result, reads, written);
  return result;
}

function store(task: DocumentTask, result: TaskResult, reads: ReadRecord[], files: ReadonlyMap<string, string>): void {
  const cache = task.cache as { dir: string; key: string };
  const entry: CacheEntry = {
    key: cache.key,
    status: result.status,
    outputs: result.outputs.map(({ format, bytes, sha256: hash }) => ({ format, bytes, sha256: hash })),
    messages: result.messages,
    reads,
  };
  storeEntry(cache.dir, entry, files);
}

/**
 * The build's gate, recording every read a document makes (images, found or
 * not): a later build replays them to know whether the document still sees
 * the same files. Paths are kept relative to the input root, so a cache
 * restored on another machine (another checkout folder) still applies.
 */
function recordingGate(gate: Gate, root: string, reads: ReadRecord[]): Gate {
  return {
    root: gate.root,
    read(target, maxBytes) {
      const relative = toPosix(path.relative(root, path.resolve(root, target)));
      try {
        const file = gate.read(target, maxBytes);
        reads.push({ path: relative, maxBytes, outcome: sha256(file.bytes) });
        return file;
      } catch (error) {
        if (error instanceof GateError) reads.push({ path: relative, maxBytes, outcome: `error:${error.reason}` });
        throw error;
      }
    },
  };
}
