// The dependency patches in patches/ are applied by `npm install` and keep
// doing what they are for.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const installed = (file: string) => fileURLToPath(new URL(`../node_modules/${file}`, import.meta.url));

describe('patches', () => {
  // Each patch of the parser (micromark, mdast-util-from-markdown), in its lib/ build and its dev/ twin: the costly line gone (where one goes), the new one there.
  it.each<[description: string, pattern: string, removed: string | null, added: string]>([
    ['closes containers without rebuilding the whole event list', 'micromark/{}/initialize/document.js', 'new EditMap()', 'splice(self.events, indexBeforeFlow + 1, 0, exits)'],
    [
      'checks the token found open across the last lazy line before walking back over the whole flow',
      'micromark/{}/initialize/document.js',
      null,
      'openAcrossLazy = {flow: childFlow, index, token: childFlow.events[index][1]}',
    ],
    ['merges the data of a paragraph in one pass, not with a splice per run', 'micromark/{}/initialize/text.js', 'events.splice(enter + 2, index - enter - 2)', 'events.length = write'],
    [
      'resolves emphasis on a stack, not with a splice into the whole list per pair',
      'micromark-core-commonmark/{}/attention.js',
      'splice(events, open - 1, index - open + 3, nextEvents)',
      'pending = nextEvents.slice(-offset).concat(pending)',
    ],
    [
      'walks back for an emphasis opener only above the last failed walk of the same kind of closer ("openers bottom")',
      'micromark-core-commonmark/{}/attention.js',
      null,
      'if (!matched) bottom[kind] = index',
    ],
    [
      'looks a label up among the definitions only when it holds no other label (definition labels hold no brackets)',
      'micromark-core-commonmark/{}/label-end.js',
      'defined = self.parser.defined.includes(',
      '!labelStart._holdsLabel &&',
    ],
    ...['label-start-link', 'label-start-image'].map((name): [string, string, null, string] => [
      `marks the enclosing label when a label opens inside it (${name})`,
      `micromark-core-commonmark/{}/${name}.js`,
      null,
      'if (outer) outer._holdsLabel = true',
    ]),
    [
      'does not walk back for a footnote call when no footnote is defined',
      'micromark-extension-gfm-footnote/{}/syntax.js',
      null,
      'if (defined.length === 0) return nok',
    ],
    [
      'applies edits without copying the events before the first one out and back',
      'micromark-util-edit-map/{}index.js',
      'vecs.push(events.slice())',
      'the events before the first edit stay where they are',
    ],
    [
      'compiles the tree with one context for every event, not a copy per event',
      'mdast-util-from-markdown/{}/index.js',
      'sliceSerialize: events[index][2].sliceSerialize',
      'eventContext.sliceSerialize = event[2].sliceSerialize',
    ],
  ])('parser patch %s', (_, pattern, removed, added) => {
    // micromark-util-edit-map has no lib/: its builds are index.js and dev/index.js.
    const builds = pattern.includes('{}index.js') ? ['', 'dev/'] : ['lib', 'dev/lib'];
    for (const build of builds) {
      const code = readFileSync(installed(pattern.replace('{}', build)), 'utf8');
      if (removed) expect(code).not.toContain(removed);
      expect(code).toContain(added);
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
