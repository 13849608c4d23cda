// The command raises V8's optimization budget for its conversions (src/tiering.ts):
// `convert` in its own thread, `build` in its worker threads, unless node is given a
// budget. Seen through V8's own trace: with galley's budget a conversion sends a few
// functions to the optimizing compiler, with V8's default (67,584 on Node 20) several
// times as many.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { askWorkersToTune, tuneIfAsked, tuneTiering } from '../../src/tiering.js';
import { galleyBin } from '../helpers/cli.js';

const showcase = fileURLToPath(new URL('../../input/showcase.md', import.meta.url));

/** How many functions V8 optimized while the command converted the showcase to HTML. */
function optimized(command: 'convert' | 'build', nodeFlags: string[]): number {
  const out = mkdtempSync(path.join(tmpdir(), 'galley-tiering-'));
  try {
    const args = command === 'convert' ? ['convert', showcase, '--to', 'html', '-o', path.join(out, 'showcase.html')] : ['build', showcase, '--to', 'html', '--out', out, '--no-cache', '--quiet'];
    const result = spawnSync(process.execPath, [...nodeFlags, '--trace-opt', galleyBin, ...args], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout.split('\n').filter((line) => line.startsWith('[completed optimizing')).length;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe('tiering', () => {
  it.each(['convert', 'build'] as const)('%s optimizes far fewer functions than V8 does by default', (command) => {
    const tuned = optimized(command, []);
    const untuned = optimized(command, ['--interrupt-budget=67584']);
    expect(untuned).toBeGreaterThan(2 * tuned + 8);
  });

  it('leaves a budget given to node alone, and only that', () => {
    expect(tuneTiering(['--interrupt-budget=1000'])).toBe(false);
    expect(tuneTiering(['--interrupt_budget', '1000'])).toBe(false);
    expect(tuneTiering(['--interrupt-budget-factor-for-feedback-allocation=4', '--max-old-space-size=4096'])).toBe(true);
  });

  it('is done by the first worker thread that starts, once per process', () => {
    askWorkersToTune();
    expect(tuneIfAsked()).toBe(true);
    expect(tuneIfAsked()).toBe(false);
  });
});
