// galley tries GFM autolink literals and tables only where the source could
// hold them (src/parse/markdown/look-ahead.ts, literal-transform.ts). The
// tree must be exactly the one remark-parse + remark-gfm give, positions
// included: on the benchmark corpus, the CommonMark spec, literal-heavy and
// table-heavy examples, and generated text.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { fromMarkdown, type Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transformWhereNeeded } from '../../src/parse/markdown/literal-transform.js';
import { lookAhead } from '../../src/parse/markdown/look-ahead.js';
import { parseMarkdown } from '../../src/parse/markdown/index.js';
import { makeCorpus } from '../helpers/corpus.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkFrontmatter, ['yaml']).freeze();
const micromarkExtensions = processor.data('micromarkExtensions') as MicromarkExtension[];
const mdastExtensions = processor.data('fromMarkdownExtensions') as FromMarkdownExtension[];

/** What remark-parse gives, with the same plugins. */
const reference = (text: string) => fromMarkdown(text, { extensions: micromarkExtensions, mdastExtensions });
const galley = (text: string) => parseMarkdown(text, { frontMatter: true, pieceSize: Infinity });
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

function expectSameTree(text: string): void {
  expect(plain(galley(text))).toEqual(plain(reference(text)));
}

describe('the shortcuts are in place', () => {
  it('replaces the three literal constructs, the table and the transform, and nothing else', () => {
    const replaced = lookAhead(micromarkExtensions, 'text');
    const names = new Set<string>();
    replaced.forEach((extension, index) => {
      for (const hook of ['flow', 'text'] as const) {
        for (const [code, entry] of Object.entries(extension[hook] ?? {})) {
          const before = [micromarkExtensions[index]?.[hook]?.[code]].flat();
          [entry].flat().forEach((construct, i) => {
            if (construct !== before[i]) names.add(`${hook} ${construct?.name ?? '?'}`);
          });
        }
      }
    });
    expect([...names].sort()).toEqual(['flow table', 'text emailAutolink', 'text protocolAutolink', 'text wwwAutolink']);
    const transforms = (list: FromMarkdownExtension[]) => list.flat().flatMap((extension) => extension.transforms ?? []);
    const before = transforms(mdastExtensions);
    const after = transforms(transformWhereNeeded(mdastExtensions));
    expect(after).toHaveLength(before.length);
    expect(after.filter((transform, i) => transform !== before[i])).toHaveLength(1);
  });
});

describe('the benchmark corpus', () => {
  let corpus: string;
  beforeAll(() => {
    corpus = makeCorpus('galley-corpus-literals-');
  }, 120_000);
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  it.each(['tech.md', 'gen-100k.md', 'gen-1mb.md'])('%s parses as remark-parse parses it', (name) => {
    expectSameTree(readFileSync(path.join(corpus, name), 'utf8'));
  });

  it('so do the 500 batch documents', () => {
    const batch = path.join(corpus, 'batch');
    for (const name of readdirSync(batch).filter((n) => n.endsWith('.md'))) {
      expectSameTree(readFileSync(path.join(batch, name), 'utf8'));
    }
  });
});

describe('the CommonMark spec', () => {
  const { tests } = createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string }> };

  it('every example parses as remark-parse parses it', () => {
    for (const example of tests) expectSameTree(example.markdown);
  });
});

describe('tables', () => {
  it.each([
    '| a | b |\n|---|:-:|\n| 1 | 2 |\n3 | 4\nlazy',
    'a | b\n-|-\n1 | 2',
    'a\n-|-',
    'a\n|-|',
    'a|b\n:-:|--:\n',
    '| a |\n| - |\r\n| b |',
    'Head | row\r\n--- | ---\r\nx | y',
    'Head | row\r--- | ---\rx | y',
    'a | b\n\t|---|---|\n1 | 2',
    'a | b\n |---\t|\t:--|\t\n1 | 2',
    '> a | b\n> --|--\n> 1 | 2\n\n- a | b\n  --|--\n  1 | 2',
    '> a | b\n--|--',
    '- a | b\n\n  --|--',
    'Not: a | b\n|-x-|\n\nnor a | b\n| : |\n\nnor a | b\n|||',
    'para\nline two | b\n--|--\nc | d',
    '# h | i\n--|--',
    '| a |\n| - |\n| b |\n\n| c |\n| - |',
    '[^1]: a | b\n    --|--\n    1 | 2\n\n[^1]',
  ])('%j parses as remark-parse parses it', expectSameTree);
});

describe('literals', () => {
  it.each([
    'www.example.com, WWW.EXAMPLE.COM and Www.example.com/path?q=1.',
    'Visit https://example.com/a_(b)_c), HTTP://x.y, hTtPs://z.example/ and http://.',
    'Mail a.b+c@example.co.uk, a@b, a@b.c_d, x@y.z. and mailto:m@example.org, xmpp:me@jabber.org/home',
    'Not links: wwwx.com, www, http:/x, httpx://y, ftp://z, ab@, @cd.ef and a\\@b.com.',
    '[www.example.com](https://other.example) and [ref www.inside.com] and ![img www.a.com](x.png)',
    '*www.a.com* **b@c.de** ~~https://d.e~~ `www.code.com` <https://auto.link>',
    '> www.quoted.com\n- item http://list.example\n\n| www.cell.com | e@mail.com |\n|---|---|\n| a | b |',
    'Tab\twww.after-tab.com and\r\nCRLF www.after-crlf.com\r\nline@two.com',
    '[^n] and a note\n\n[^n]: www.in-a-note.com',
    'www.a.com\n\n```\nwww.in-code.com\n```\n\n    www.indented.com\n\n<div>www.in-html.com</div>',
    'Ærøskøbing www.ünïcode.com café@example.com naïve@exämple.com',
    '(www.paren.com) [www.bracket.com] _www.underscore.com_ "www.quote.com"',
    'a@b.com@c.com x.y@z.com. www.a.com.. http://a.com?',
    '---\ntitle: www.front-matter.com\n---\n\nwww.body.com',
  ])('%j parses as remark-parse parses it', expectSameTree);

  it('a BOM keeps the original constructs, and the tree', () => {
    expect(lookAhead(micromarkExtensions, '\uFEFFwww.a.com')).toBe(micromarkExtensions);
  });

  it('generated text parses as remark-parse parses it', () => {
    const fragment = fc.constantFrom(
      'www.', 'WWW.', 'http://', 'https://', 'HTTPS://', 'http:', 'mailto:', 'xmpp:', '@', '@@',
      'a', 'Zb', '9', 'é', 'ü', '.', '..', '-', '_', '+', '/', '?', '!', ':', ';', ',', '&amp;', '&',
      '(', ')', '[', ']', '](x)', '![', '<', '>', '*', '**', '_', '~~', '`', '$', '\\', '"', "'",
      ' ', '  ', '\t', '\n', '\r\n', '\n\n', '\n> ', '\n- ', '\n1. ', '|', '\n|-|-|\n', '[^1]', '\n[^1]: ',
      'example', '.com', '.co.uk', 'x.y', 'a_b', 'a-b',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        expectSameTree(parts.join(''));
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });
});
