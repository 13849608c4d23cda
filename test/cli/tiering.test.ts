// The command raises V8's optimization budget before galley runs (src/cli/tiering.ts),
// unless node is given a budget. Seen through V8's own trace: with galley's budget a
// conversion sends a few functions to the optimizing compiler, with V8's default
// (67,584 on Node 20) several times as many.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tuneTiering } from '../../src/cli/tiering.js';
import { galleyBin } from '../helpers/cli.js';

const showcase = fileURLToPath(new URL('../../input/showcase.md', import.meta.url));

/** How many functions V8 optimized while the command converted the showcase to HTML. */
function optimized(nodeFlags: string[]): number {
  const result = spawnSync(process.execPath, [...nodeFlags, '--trace-opt', galleyBin, 'convert', showcase, '--to', 'html', '-o', '-'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split('\n').filter((line) => line.startsWith('[completed optimizing')).length;
}

describe('tiering', () => {
  it('optimizes far fewer functions than V8 does by default', () => {
    const tuned = optimized([]);
    const untuned = optimized(['--interrupt-budget=67584']);
    expect(untuned).toBeGreaterThan(3 * tuned + 6);
  });

  it('leaves a budget given to node alone, and only that', () => {
    expect(tuneTiering(['--interrupt-budget=1000'])).toBe(false);
    expect(tuneTiering(['--interrupt_budget', '1000'])).toBe(false);
    expect(tuneTiering(['--interrupt-budget-factor-for-feedback-allocation=4', '--max-old-space-size=4096'])).toBe(true);
  });
});
