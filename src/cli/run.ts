// The command line: flags → settings → the same library calls users make
// (`build`, `convert`). Returns the exit code: 0 success, 1 a document failed
// (or warnings with --fail-on-warnings), 2 usage or configuration error.
import path from 'node:path';
import { VFileMessage } from 'vfile-message';
import { build, type BuildOptions } from '../build/index.js';
import { InputError } from '../build/discover.js';
import { ManifestError, mergeManifests } from '../build/manifest.js';
import { ShardError } from '../build/shard.js';
import { outputDate } from '../build/date.js';
import type { DocumentReport } from '../build/report.js';
import { messageRecords } from '../build/report.js';
import { writeAtomic } from '../build/write.js';
import { createRegistry, UnknownFormatError, type Registry } from '../emit/registry.js';
import { emittedBytes, type EmitOptions } from '../emit/types.js';
import { createGate, GateError } from '../io/gate.js';
import { defaultLimits } from '../limits.js';
import { askWorkersToTune, tuneTiering } from '../tiering.js';
import { version } from '../version.js';
import { parseCommandLine, UsageError } from './args.js';
import { applyConfig, ConfigError, loadConfig } from './config.js';
import { flags } from './flags.js';
import { helpText } from './help.js';
import { foldMessages, formatMessage, useColour } from './reporters/human.js';
import { reporters } from './reporters/index.js';
import type { ReporterOptions } from './reporters/types.js';
import { defaultSettings, type CliSettings } from './settings.js';
import { watch } from './watch.js';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };

export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const registry = createRegistry();
  try {
    const args = parseCommandLine(argv);
    if (args.values.version) {
      io.stdout.write(`${version}\n`);
      return 0;
    }
    if (args.values.help) {
      io.stdout.write(helpText(Object.keys(registry), argv.length > 1 ? args.command : undefined));
      return 0;
    }
    if (args.command === 'formats') {
      for (const name of Object.keys(registry)) io.stdout.write(`${name}\n`);
      return 0;
    }
    if (args.command === 'merge') return runMerge(args.positionals, io);
    const settings = defaultSettings();
    const config = await loadConfig(args.values.config as string | undefined);
    applyConfig(settings, config.config, config.path);
    for (const flag of flags) {
      const value = args.values[flag.name];
      if (value !== undefined) flag.apply?.(settings, value);
    }
    if (!reporters[settings.reporter]) {
      throw new UsageError(`unknown reporter "${settings.reporter}"; valid reporters: ${Object.keys(reporters).join(', ')}`);
    }
    if (settings.referenceDoc) settings.docx.reference = readReferenceDoc(settings.referenceDoc);
    if (args.command === 'watch') settings.watch = true;
    // Only a pinned date is passed on: otherwise each output takes the time it is made,
    // and the date stays out of the cache key.
    const pinned = io.env.SOURCE_DATE_EPOCH !== undefined && io.env.SOURCE_DATE_EPOCH !== '';
    const emit: EmitOptions = {
      ...(pinned ? { date: outputDate(io.env) } : {}),
      html: settings.html,
      json: settings.json,
      docx: settings.docx,
      pdf: settings.pdf,
    };
    return args.command === 'convert'
      ? await runConvert(args.positionals, settings, emit, registry, io)
      : await runBuild(args.positionals, settings, emit, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof ConfigError ||
      error instanceof InputError ||
      error instanceof UnknownFormatError ||
      error instanceof ShardError ||
      error instanceof RangeError
    ) {
      io.stderr.write(`galley: ${error.message}\n`);
      if (error instanceof UsageError) io.stderr.write('Run "galley --help" for the options.\n');
      return 2;
    }
    io.stderr.write(`galley: internal error: ${(error as Error).stack ?? error}\n`);
    return 1;
  }
}

async function runBuild(positionals: string[], settings: CliSettings, emit: EmitOptions, io: CliIo): Promise<number> {
  const reporterOptions: ReporterOptions = {
    quiet: settings.quiet,
    progress: settings.progress,
    stderr: io.stderr,
    stdout: io.stdout,
    env: io.env,
  };
  const reporter = reporters[settings.reporter]!(reporterOptions);
  const options: BuildOptions = {
    inputs: positionals.length > 0 ? positionals : settings.inputs,
    out: settings.out,
    to: settings.to,
    extensions: settings.extensions,
    smart: settings.smart,
    metaDefaults: settings.defaults,
    metaOverrides: settings.overrides,
    limits: settings.limits,
    emit,
    force: settings.force,
    ...(settings.jobs === undefined ? {} : { jobs: settings.jobs }),
    ...(settings.cache === undefined ? {} : { cache: settings.cache }),
    ...(settings.shard === undefined ? {} : { shard: settings.shard }),
  };
  askWorkersToTune();
  if (settings.watch) return watch(options, reporter, io);
  const started = process.hrtime.bigint();
  const report = await build({
    ...options,
    onDocument: (document) => reporter.document(document),
    onProgress: (progress) => reporter.progress?.(progress),
  });
  reporter.end(report, Number(process.hrtime.bigint() - started) / 1e9);
  if (settings.reportFile) writeAtomic(path.resolve(settings.reportFile), Buffer.from(JSON.stringify(report, null, 2) + '\n'));
  return exitCode(report.documents, settings);
}

/** `galley merge [DIR]`: joins the shard manifests in DIR (default output) into one. */
function runMerge(positionals: string[], io: CliIo): number {
  if (positionals.length > 1) throw new UsageError('merge takes one folder: the output folders of every shard, copied together');
  const dir = positionals[0] ?? 'output';
  try {
    const manifest = mergeManifests(path.resolve(dir));
    const outputs = manifest.documents.reduce((sum, d) => sum + d.outputs.length, 0);
    io.stderr.write(`galley: merged ${manifest.documents.length} documents, ${outputs} files checked, into ${path.join(dir, 'galley-manifest.json')}\n`);
    return manifest.documents.some((d) => d.status === 'failed') ? 1 : 0;
  } catch (error) {
    if (error instanceof ManifestError) {
      io.stderr.write(`galley: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function runConvert(
  positionals: string[],
  settings: CliSettings,
  emit: EmitOptions,
  registry: Registry,
  io: CliIo,
): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('convert takes one document: a file, or - for standard input');
  tuneTiering();
  const source = positionals[0] as string;
  const format = convertFormat(settings, registry);
  const fromStdin = source === '-';
  const root = path.resolve(settings.root ?? (fromStdin ? '.' : path.dirname(source)));
  const gate = createGate(root);
  let value: Uint8Array;
  try {
    const maxBytes = settings.limits.maxFileBytes ?? defaultLimits.maxFileBytes;
    value = fromStdin ? await readAll(io.stdin, maxBytes) : gate.read(path.resolve(source), maxBytes).bytes;
  } catch (error) {
    if (error instanceof GateError) throw new InputError(error.message);
    throw error;
  }
  const shownPath = fromStdin ? '<stdin>' : source;
  const report: DocumentReport = { source: shownPath, path: shownPath, status: 'failed', cached: false, outputs: [], messages: [] };
  const colour = useColour({ quiet: settings.quiet, stderr: io.stderr, stdout: io.stdout, env: io.env });
  const printMessages = () => {
    for (const message of foldMessages(report.messages)) {
      if (!settings.quiet || message.severity === 'error') io.stderr.write(formatMessage(shownPath, message, colour) + '\n');
    }
  };
  let converted;
  try {
    const { convert } = await import('../convert.js');
    converted = await convert(fromStdin ? { value } : { path: source, value }, {
      to: [format],
      gate,
      smart: settings.smart,
      metaDefaults: settings.defaults,
      metaOverrides: settings.overrides,
      limits: settings.limits,
      emit,
    });
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
    report.messages = messageRecords([error]);
    printMessages();
    return 1;
  }
  report.messages = messageRecords(converted.document.file.messages);
  printMessages();
  const emitted = converted.results[0]?.emitted;
  if (!emitted) return 1;
  report.status = 'converted';
  const bytes = emittedBytes(emitted);
  if (settings.output === undefined || settings.output === '-') {
    if (emitted.kind === 'binary' && io.stdout.isTTY) {
      throw new UsageError(`${format} is binary: write it to a file with -o FILE`);
    }
    io.stdout.write(bytes);
  } else writeAtomic(path.resolve(settings.output), bytes);
  return exitCode([report], settings);
}

const maxReferenceDocBytes = 32 * 1024 * 1024;

/** The operator names this file (flag or config), so its own folder is the gate's root. */
function readReferenceDoc(file: string): Uint8Array {
  const absolute = path.resolve(file);
  try {
    return createGate(path.dirname(absolute)).read(absolute, maxReferenceDocBytes).bytes;
  } catch (error) {
    if (error instanceof GateError) throw new ConfigError(`reference document: ${error.message}`);
    throw error;
  }
}

/** `--to`, else the extension of `-o FILE`, else html. One format only. */
function convertFormat(settings: CliSettings, registry: Registry): string {
  const names = settings.to?.map((n) => n.trim().toLowerCase()).filter(Boolean);
  if (names && names.length > 1) throw new UsageError('convert writes one format; use "galley build" for several');
  if (names?.[0]) {
    if (!registry[names[0]]) throw new UnknownFormatError(names[0], Object.keys(registry));
    return names[0];
  }
  const extension = settings.output && settings.output !== '-' ? path.extname(settings.output).slice(1).toLowerCase() : '';
  const byExtension = Object.values(registry).find((e) => e.extension === extension);
  return byExtension?.name ?? 'html';
}

function exitCode(documents: readonly DocumentReport[], settings: CliSettings): number {
  const messages = documents.flatMap((d) => d.messages);
  if (documents.some((d) => d.status === 'failed')) return 1;
  if (settings.failOnWarnings && messages.some((m) => m.severity === 'warning')) return 1;
  return 0;
}

async function readAll(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    length += buffer.length;
    if (length > maxBytes) throw new InputError(`standard input is over the ${maxBytes}-byte limit`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
