// How soon V8 sends a function to its optimizing compiler, tuned for a
// process that lives about a second. V8's default budget suits pages and
// servers that run for minutes: in a galley run it sends a hundred functions
// to the optimizer, most of whose optimized code arrives too late to pay
// back, and on a two-core machine those background compiles take CPU from
// the main thread. With six times the budget only the really hot code
// (micromark's tokenizer, line breaking) is optimized. Measured on Node 20
// (README, "Speed"): tech.md to PDF 0.75 → 0.58 s, to HTML 0.50 → 0.42 s;
// gen-1mb and the 500-document batch gain too.
//
// Only the command sets it, first thing: V8 flags belong to the process, and
// a library must not change its host's. A budget given to node
// (`node --interrupt-budget=N galley.js`) wins.
import { setFlagsFromString } from 'node:v8';

export const interruptBudget = 400_000;
/** `--interrupt-budget=N` or `--interrupt_budget N` (V8 takes either spelling), not its longer cousins. */
const givenBudget = /^--interrupt[-_]budget(=|$)/;

/** Raises V8's optimization budget unless node was given one; whether it did. */
export function tuneTiering(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => givenBudget.test(arg))) return false;
  setFlagsFromString(`--interrupt-budget=${interruptBudget}`);
  return true;
}

tuneTiering();
