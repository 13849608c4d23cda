// Parsing in pieces must give exactly the tree of a whole-document parse,
// positions included: on the benchmark corpus, the CommonMark spec, and
// generated documents full of constructs that could fool the cut finder.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/markdown/index.js';
import { cutPoints } from '../../src/parse/markdown/split.js';
import { makeCorpus } from '../helpers/corpus.js';

const whole = (text: string) => parseMarkdown(text, { frontMatter: true, pieceSize: Infinity });
const pieces = (text: string, pieceSize: number) => parseMarkdown(text, { frontMatter: true, pieceSize });
const plain = (tree: Root) => JSON.parse(JSON.stringify(tree)) as unknown;

function expectSameTree(text: string, pieceSize: number): void {
  expect(plain(pieces(text, pieceSize))).toEqual(plain(whole(text)));
}

describe('the benchmark corpus', () => {
  let corpus: string;
  beforeAll(() => {
    corpus = makeCorpus('galley-corpus-');
    rmSync(path.join(corpus, 'gen-10mb.md'));
  });
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  it.each(['tech.md', 'gen-1k.md', 'gen-10k.md', 'gen-100k.md', 'gen-1mb.md'])('%s parses the same in pieces', (name) => {
    const text = readFileSync(path.join(corpus, name), 'utf8');
    // Large documents at the real piece size; smaller ones cut as often as possible.
    const size = text.length > 200_000 ? 128 * 1024 : 1;
    expect(cutPoints(text, size).length).toBeGreaterThan(text.length > 5000 ? 3 : 0);
    expectSameTree(text, size);
  });

  it('the 500 batch documents parse the same in pieces', () => {
    const batch = path.join(corpus, 'batch');
    for (const name of readdirSync(batch).filter((n) => n.endsWith('.md'))) {
      expectSameTree(readFileSync(path.join(batch, name), 'utf8'), 1);
    }
  });
});

describe('the CommonMark spec', () => {
  const { tests } = createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string }> };

  it('every example, then all of them in one document cut at every heading, parse the same', () => {
    for (const example of tests) expectSameTree(example.markdown, 1);
    const all = tests.map((example, i) => `# Example ${i + 1}\n\n${example.markdown}`).join('\n\n');
    // Examples that leave a fence or HTML block open hold back the cuts after them.
    expect(cutPoints(all, 1).length).toBeGreaterThan(200);
    expectSameTree(all, 1);
  });
});

describe('generated documents', () => {
  // Blocks chosen to fool a line scanner: fences and HTML blocks left open,
  // opened inside containers, or closed by look-alikes; definitions far from
  // their references; front matter; lazy lines; setext underlines.
  const block = fc.constantFrom(
    '# Heading',
    '## Heading *two*',
    'A paragraph with [a link][ref], [^note] and [b][].',
    'Lazy\ncontinuation\n===',
    '```js\ncode\n\n# not a heading\n```',
    '```\nunclosed fence',
    '~~~~\n```\n# still code\n~~~~',
    '  ```\n  indented fence\n',
    '- item\n\n  ```\n  fence in an item',
    '> quote\n> ```\n> fence in a quote',
    '<!--\ncomment\n\n# inside comment\n-->',
    '<!-- open comment',
    '<script>\nlet x = 1;\n\n# in script\n</script>',
    '<div>\nhtml block\n</div>',
    '$$\nx^2\n\n# in math\n$$',
    '$$\nunclosed math',
    '[ref]: https://example.org "title"',
    '[b]: /b',
    '> [ref]: /in-a-quote',
    '[^note]: A footnote\n\n    with a second paragraph',
    '1. one\n2. two\n\n   continued',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    '---',
    '    indented code\n\n# after code',
    '- item\n\n  <!-- comment opened in an item',
    '```',
    '~~~',
    '-->',
    '',
  );
  const documents = fc
    .tuple(fc.boolean(), fc.array(block, { maxLength: 14 }), fc.array(fc.constantFrom('\n', '\n\n', '\n\n\n'), { minLength: 14, maxLength: 14 }))
    .map(([frontMatter, blocks, gaps]) => {
      const body = blocks.map((b, i) => b + (gaps[i] ?? '\n\n')).join('');
      return (frontMatter ? '---\ntitle: x\n---\n\n' : '') + body;
    });

  it('parse the same in pieces, with a cut allowed before every heading', () => {
    fc.assert(
      fc.property(documents, (text) => {
        expect(plain(pieces(text, 1))).toEqual(plain(whole(text)));
      }),
      { numRuns: 1000, seed: 20261129 },
    );
  });
});
