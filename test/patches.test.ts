// The dependency patches in patches/ are applied by `npm install` and keep
// doing what they are for.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const installed = (file: string) => fileURLToPath(new URL(`../node_modules/${file}`, import.meta.url));

describe('patches', () => {
  it('micromark closes containers without rebuilding the whole event list', () => {
    for (const file of ['micromark/lib/initialize/document.js', 'micromark/dev/lib/initialize/document.js']) {
      const code = readFileSync(installed(file), 'utf8');
      expect(code).not.toContain('new EditMap()');
      expect(code).toContain('splice(self.events, indexBeforeFlow + 1, 0, exits)');
    }
  });

  it('micromark merges the data of a paragraph in one pass, not with a splice per run', () => {
    for (const file of ['micromark/lib/initialize/text.js', 'micromark/dev/lib/initialize/text.js']) {
      const code = readFileSync(installed(file), 'utf8');
      expect(code).not.toContain('events.splice(enter + 2, index - enter - 2)');
      expect(code).toContain('events.length = write');
    }
  });

  it('micromark resolves emphasis on a stack, not with a splice into the whole list per pair', () => {
    for (const file of ['micromark-core-commonmark/lib/attention.js', 'micromark-core-commonmark/dev/lib/attention.js']) {
      const code = readFileSync(installed(file), 'utf8');
      expect(code).not.toContain('splice(events, open - 1, index - open + 3, nextEvents)');
      expect(code).toContain('pending = nextEvents.slice(-offset).concat(pending)');
    }
  });

  it('fontkit loads brotli only when a WOFF2 font needs it, and can still load it', () => {
    for (const file of ['fontkit/dist/module.mjs', 'fontkit/dist/main.cjs']) {
      const code = readFileSync(installed(file), 'utf8');
      expect(code).not.toMatch(/^(import .* from|var .* = require\()"brotli\/decompress\.js"/m);
      expect(code).toContain('("brotli/decompress.js")(...args)');
    }
    const decompress = createRequire(installed('fontkit/dist/module.mjs'))('brotli/decompress.js') as unknown;
    expect(typeof decompress).toBe('function');
  });
});
