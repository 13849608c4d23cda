// What an emitter is: a name, a file extension, and whether it returns text
// or bytes (said in the type, so the writer never sniffs the value).
import type { Document } from '../document.js';

export interface EmitOptions {
  /** Timestamp for outputs that record one (from SOURCE_DATE_EPOCH when set). */
  date?: Date;
  /** Per-emitter options, keyed by emitter name (`html`, `json`, …). */
  [emitter: string]: unknown;
}

interface EmitterBase {
  /** Format name used on the command line (`--to html`). */
  name: string;
  /** Output file extension without the dot. */
  extension: string;
  /** One line for `--help` and error messages. */
  description: string;
}

export interface TextEmitter extends EmitterBase {
  kind: 'text';
  emit(document: Document, options: EmitOptions): string | Promise<string>;
}

export interface BinaryEmitter extends EmitterBase {
  kind: 'binary';
  emit(document: Document, options: EmitOptions): Uint8Array | Promise<Uint8Array>;
}

export type Emitter = TextEmitter | BinaryEmitter;

/** What an emitter produced, tagged like the emitter. */
export type Emitted = { kind: 'text'; value: string } | { kind: 'binary'; value: Uint8Array };

export async function runEmitter(emitter: Emitter, document: Document, options: EmitOptions): Promise<Emitted> {
  if (emitter.kind === 'text') return { kind: 'text', value: await emitter.emit(document, options) };
  return { kind: 'binary', value: await emitter.emit(document, options) };
}

/** The bytes to write for an emitted value. */
export function emittedBytes(emitted: Emitted): Uint8Array {
  return emitted.kind === 'text' ? Buffer.from(emitted.value, 'utf8') : emitted.value;
}
