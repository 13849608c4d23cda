// The emitter registry: a plain object keyed by format name. Defaults first,
// user emitters merged on top (adding formats or replacing built-in ones).
import { docxEmitter } from './docx/index.js';
import { htmlEmitter } from './html/index.js';
import { jsonEmitter } from './json/index.js';
import { pdfEmitter } from './pdf/index.js';
import type { Emitter } from './types.js';

export type Registry = Readonly<Record<string, Emitter>>;

export const defaultEmitters: Registry = {
  html: htmlEmitter,
  json: jsonEmitter,
  docx: docxEmitter,
  pdf: pdfEmitter,
};

export function createRegistry(userEmitters: Record<string, Emitter> = {}): Registry {
  return { ...defaultEmitters, ...userEmitters };
}

export class UnknownFormatError extends Error {
  constructor(
    readonly format: string,
    readonly valid: readonly string[],
  ) {
    super(`unknown format "${format}"; valid formats: ${valid.join(', ')}`);
    this.name = 'UnknownFormatError';
  }
}

/** The emitters for `names`, in order; an unknown name throws UnknownFormatError. */
export function selectEmitters(registry: Registry, names: readonly string[]): Emitter[] {
  const unique = [...new Set(names.map((name) => name.trim().toLowerCase()).filter(Boolean))];
  return unique.map((name) => {
    const emitter = registry[name];
    if (!emitter) throw new UnknownFormatError(name, Object.keys(registry));
    return emitter;
  });
}
