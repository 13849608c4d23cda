// How soon V8 sends a function to its optimizing compiler, tuned for a
// process that lives about a second. V8's default budget suits pages and
// servers that run for minutes: in a galley run it sends a hundred functions
// to the optimizer, most of whose optimized code arrives too late to pay
// back, and on a two-core machine those background compiles take CPU from
// the main thread. With six times the budget only the really hot code
// (micromark's tokenizer, line breaking) is optimized. Measured on Node 20
// (README, "Benchmark"): tech.md to PDF 0.76 → 0.56 s, to HTML 0.48 →
// 0.38 s; gen-1mb to PDF and the 500-document batch gain too.
//
// Only the command sets it: V8 flags belong to the process, and a library
// must not change its host's. A budget given to node
// (`node --interrupt-budget=N galley.js`) wins. It is set as late as it can
// be: changing a flag makes V8 refuse the code cache node has for its own
// modules, so the modules a thread loads after it compile from source. The
// first worker thread of a build sets it once it has started (its start
// loads many).
import { setFlagsFromString } from 'node:v8';
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';

const interruptBudget = 400_000;
/** `--interrupt-budget=N` or `--interrupt_budget N` (V8 takes either spelling), not its longer cousins. */
const givenBudget = /^--interrupt[-_]budget(=|$)/;
const askKey = 'galley:tune-tiering';

/** Raises V8's optimization budget unless node was given one; whether it did. */
export function tuneTiering(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => givenBudget.test(arg))) return false;
  setFlagsFromString(`--interrupt-budget=${interruptBudget}`);
  return true;
}

/**
 * The command, before a build: the first worker thread to start raises the
 * budget. The request is a flag in shared memory, so that the flag is set once
 * per process and never by two threads at the same time.
 */
export function askWorkersToTune(): void {
  setEnvironmentData(askKey, new Int32Array(new SharedArrayBuffer(4)));
}

/** A worker thread, once started: raises the budget if the command asked and no other worker has; whether it did. */
export function tuneIfAsked(): boolean {
  const request = getEnvironmentData(askKey);
  return request instanceof Int32Array && Atomics.compareExchange(request, 0, 0, 1) === 0 && tuneTiering();
}
