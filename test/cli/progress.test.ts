// Progress: a bar redrawn in place on a terminal, plain lines elsewhere.
import { describe, expect, it } from 'vitest';
import { progressView } from '../../src/cli/reporters/progress.js';
import type { ReporterOptions } from '../../src/cli/reporters/types.js';

function setup(tty: boolean, env: NodeJS.ProcessEnv = {}) {
  let written = '';
  let clock = 0;
  const stderr = { isTTY: tty, columns: 100, write: (chunk: string) => ((written += chunk), true) };
  const options = { quiet: false, progress: true, stderr, stdout: stderr, env } as unknown as ReporterOptions;
  const view = progressView(options, { now: () => clock });
  return { view, tick: (ms: number) => (clock += ms), output: () => written };
}

describe('progress', () => {
  it('draws a bar with done/total, the current document and an ETA on a terminal', () => {
    const { view, tick, output } = setup(true);
    view.update({ done: 0, total: 4, current: 'guide/intro.md' });
    tick(1000);
    view.update({ done: 1, total: 4 });
    expect(output()).toBe(
      '\r\x1b[K[------------------------] 0/4   guide/intro.md' + '\r\x1b[K[######------------------] 1/4 ETA 3 s  guide/intro.md',
    );
    view.end();
    expect(output().endsWith('\r\x1b[K')).toBe(true);
  });

  it('prints plain lines in CI, at each tenth, at most one every two seconds', () => {
    const { view, tick, output } = setup(true, { CI: 'true' });
    for (let done = 1; done <= 100; done++) {
      tick(100);
      view.update({ done, total: 100 });
    }
    expect(output().split('\n').filter(Boolean)).toEqual([
      'galley: 20 of 100 documents (20 %), ETA 8 s',
      'galley: 40 of 100 documents (40 %), ETA 6 s',
      'galley: 60 of 100 documents (60 %), ETA 4 s',
      'galley: 80 of 100 documents (80 %), ETA 2 s',
    ]);
  });

  it('says nothing when quiet', () => {
    let written = '';
    const stderr = { isTTY: true, write: (chunk: string) => ((written += chunk), true) };
    const view = progressView({ quiet: true, progress: true, stderr, stdout: stderr, env: {} } as unknown as ReporterOptions);
    view.update({ done: 1, total: 2, current: 'a.md' });
    expect(written).toBe('');
  });
});
