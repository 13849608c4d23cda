// The benchmark corpus, generated into a temporary folder by the bench's
// generator (vendored as test/corpus/make-corpus.mjs): tech.md, empty.md,
// gen-1k … gen-10mb.md, batch/ (500 documents) and their images.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const generator = new URL('../corpus/make-corpus.mjs', import.meta.url).pathname;

/** A new folder named after `prefix` holding the whole corpus; the caller removes it. */
export function makeCorpus(prefix: string): string {
  const corpus = mkdtempSync(path.join(tmpdir(), prefix));
  execFileSync(process.execPath, [generator, corpus]);
  execFileSync(process.execPath, [generator, corpus, '--small']);
  return corpus;
}
