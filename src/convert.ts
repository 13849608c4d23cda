// One document, every requested format: parse once, then run each emitter on
// the same Document. An emitter that throws is reported on the file and
// yields no output; the other formats still come out.
import type { Document } from './document.js';
import { createRegistry, selectEmitters } from './emit/registry.js';
import { runEmitter, type Emitted, type EmitOptions, type Emitter } from './emit/types.js';
import { parse, type ParseOptions, type SourceInput } from './parse/index.js';

export interface ConvertOptions extends ParseOptions {
  /** Format names (default: every registered format). */
  to?: readonly string[];
  /** Emitters added to or replacing the built-in ones, by name. */
  emitters?: Record<string, Emitter>;
  /** Options handed to every emitter (`html`, `json`, `date`…). */
  emit?: EmitOptions;
}

export interface FormatResult {
  format: string;
  extension: string;
  /** Absent when the emitter failed (the reason is an error message on the file). */
  emitted?: Emitted;
}

export interface Converted {
  document: Document;
  results: FormatResult[];
}

/** Parses `input` and emits every requested format. A fatal parse problem throws a VFileMessage. */
export async function convert(input: SourceInput, options: ConvertOptions = {}): Promise<Converted> {
  const registry = createRegistry(options.emitters);
  const emitters = selectEmitters(registry, options.to ?? Object.keys(registry));
  const document = parse(input, options);
  return { document, results: await emitAll(document, emitters, options.emit ?? {}) };
}

export async function emitAll(document: Document, emitters: readonly Emitter[], options: EmitOptions): Promise<FormatResult[]> {
  const results: FormatResult[] = [];
  await emitEach(document, emitters, options, (result) => {
    results.push(result);
  });
  return results;
}

/**
 * Runs the emitters one after the other and hands each result to `take`
 * before the next one runs, so that a caller that writes it can let it go:
 * the outputs of a large document are never all in memory at once.
 */
export async function emitEach(
  document: Document,
  emitters: readonly Emitter[],
  options: EmitOptions,
  take: (result: FormatResult, index: number) => void,
): Promise<void> {
  for (const [index, emitter] of emitters.entries()) {
    const result: FormatResult = { format: emitter.name, extension: emitter.extension };
    try {
      result.emitted = await runEmitter(emitter, document, options);
    } catch (error) {
      const message = document.file.message(`${emitter.name} output failed: ${(error as Error).message ?? error}`, {
        ruleId: 'emitter-failed',
        source: `galley:${emitter.name}`,
        cause: error as Error,
      });
      message.fatal = true;
    }
    take(result, index);
  }
}
