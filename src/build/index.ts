// `build`: discover documents, convert each one (a failure never stops the
// batch), write outputs atomically, and return a report.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { VFileMessage } from 'vfile-message';
import { emitAll, type ConvertOptions } from '../convert.js';
import { createRegistry, selectEmitters } from '../emit/registry.js';
import { emittedBytes, type Emitter } from '../emit/types.js';
import { createGate, GateError, toPosix, type Gate } from '../io/gate.js';
import { defaultLimits } from '../limits.js';
import { parse } from '../parse/index.js';
import { version } from '../version.js';
import { defaultExtensions, discover } from './discover.js';
import { planOutputs, type PlannedDocument } from './plan.js';
import { messageRecords, summarize, type BuildReport, type DocumentReport, type OutputRecord } from './report.js';
import { writeAtomic } from './write.js';

export interface BuildOptions extends Omit<ConvertOptions, 'gate' | 'root'> {
  /** Files and folders to convert (default `["input"]`). */
  inputs?: readonly string[];
  /** Output folder (default `"output"`). */
  out?: string;
  /** Extensions of document files inside input folders (default .md, .markdown, .txt). */
  extensions?: readonly string[];
  /** Called after each document, in order (reporters, progress). */
  onDocument?: (report: DocumentReport) => void;
}

export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const out = path.resolve(options.out ?? 'output');
  const registry = createRegistry(options.emitters);
  const emitters = selectEmitters(registry, options.to ?? Object.keys(registry));
  const found = discover(options.inputs ?? ['input'], options.extensions ?? defaultExtensions, out);
  const gate = createGate(found.root);
  const root = found.root;
  const planned = planOutputs(found.documents, found.root, out, emitters);
  const documents: DocumentReport[] = [];
  for (const document of planned) {
    const report = await buildDocument(document, emitters, { gate, root }, out, options);
    documents.push(report);
    options.onDocument?.(report);
  }
  return {
    galley: { version },
    root: displayPath(found.root),
    out: displayPath(out),
    formats: emitters.map((e) => e.name),
    documents,
    summary: summarize(documents),
  };
}

async function buildDocument(
  planned: PlannedDocument,
  emitters: readonly Emitter[],
  { gate, root }: { gate: Gate; root: string },
  out: string,
  options: BuildOptions,
): Promise<DocumentReport> {
  const report: DocumentReport = {
    source: planned.relative,
    path: displayPath(planned.source),
    status: 'failed',
    outputs: [],
    messages: [],
  };
  const fail = (reason: string, ruleId: string) => {
    report.messages.push({ severity: 'error', message: reason, line: null, column: null, ruleId, source: 'galley' });
    removeOutputs(planned);
    return report;
  };
  if (planned.conflict) return fail(planned.conflict, 'output-conflict');

  let bytes: Buffer;
  try {
    bytes = gate.read(planned.source, options.limits?.maxFileBytes ?? defaultLimits.maxFileBytes).bytes;
  } catch (error) {
    if (error instanceof GateError) return fail(error.message, `document-${error.reason}`);
    throw error;
  }

  let document;
  try {
    document = parse({ path: planned.source, value: bytes }, { ...options, gate, root });
  } catch (error) {
    if (!(error instanceof VFileMessage)) return fail(`internal error: ${(error as Error).stack ?? error}`, 'internal');
    report.messages = messageRecords([error]);
    removeOutputs(planned);
    return report;
  }

  const results = await emitAll(document, emitters, options.emit ?? {});
  for (const [index, result] of results.entries()) {
    const target = planned.outputs[index]?.path as string;
    if (!result.emitted) {
      rmSync(target, { force: true });
      continue;
    }
    const content = emittedBytes(result.emitted);
    writeAtomic(target, content);
    report.outputs.push(outputRecord(result.format, target, out, content));
  }
  report.messages = messageRecords(document.file.messages);
  report.status = report.messages.some((m) => m.severity === 'error') ? 'failed' : 'converted';
  return report;
}

function outputRecord(format: string, target: string, out: string, content: Uint8Array): OutputRecord {
  return {
    format,
    path: toPosix(path.relative(out, target)),
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

// A failed document keeps no output from an earlier run: what is in the
// output folder always matches the current sources.
function removeOutputs(planned: PlannedDocument): void {
  for (const output of planned.outputs) rmSync(output.path, { force: true });
}

function displayPath(absolute: string): string {
  return toPosix(path.relative(process.cwd(), absolute)) || '.';
}
