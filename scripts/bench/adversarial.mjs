// The adversarial inputs of `bench.mjs --adversarial`: Markdown written to hit
// the parser's worst cases (closers with no opener, nested brackets, lazy
// lines, setext headings, thousands of definitions…), the kind of document a
// tool that converts what others wrote must survive. Each is converted to JSON
// at n and 2n repetitions, and the ratio of the two times shows how its cost
// grows: about 2 is linear, about 4 quadratic. The first six were quadratic or
// worse in micromark as found (the patches in patches/ and the parse stage made
// them linear); the others are near cousins, watched the same way.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { median, runOnce } from './measure.mjs';

const repeat = (n, make) => Array.from({ length: n }, (_, i) => make(i)).join('');

/** name → the document with about n repetitions of its pattern. */
export const ADVERSARIAL = {
  'unmatched emphasis (_a* …)': (n) => '_a* '.repeat(n),
  'nested brackets ([[[a]]])': (n) => `${'['.repeat(n)}a${']'.repeat(n)}`,
  'nested brackets, a link defined': (n) => `[a]: /u\n\n${'!['.repeat(n)}a${']'.repeat(n)}`,
  'lazy lines (> a / b)': (n) => '> a\nb\n'.repeat(n / 2),
  'setext headings (a / =)': (n) => 'a\n=\n'.repeat(n),
  'footnote definitions and calls': (n) => `${repeat(n, (i) => `[^n${i}]: x\n`)}\n${repeat(n, (i) => `[^n${i}] `)}`,
  'link definitions and references': (n) => `${repeat(n, (i) => `[a${i}]: /u\n`)}\n${repeat(n, (i) => `[a${i}] `)}`,
  'unclosed code spans (`a)': (n) => '`a '.repeat(n),
  'unclosed links ([a](…)': (n) => '[a]('.repeat(n),
  'unclosed autolinks (<http://a)': (n) => '<http://a '.repeat(n),
  'list items of alternating markers': (n) => repeat(n, (i) => (i % 2 ? '* a\n' : '- a\n')),
  // 24 deep: deeper is refused by the nesting limit (64 levels; a list level counts two).
  'lists nested up to 24 deep': (n) => repeat(n / 4, (i) => `${'  '.repeat(i % 24)}- a\n`),
  'table rows': (n) => `| a | b |\n|---|---|\n${'| c | d |\n'.repeat(n)}`,
  'hard breaks': (n) => 'a  \n'.repeat(n),
};

const SIZES = [20_000, 40_000];

export async function benchAdversarial({ galley, scratch, memory, runs, timeoutS, log }) {
  const rows = [];
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    const row = { name, times: [], bytes: [] };
    for (const n of SIZES) {
      const input = join(scratch, `adversarial-${n}.md`);
      const text = make(n);
      writeFileSync(input, text);
      const command = { file: galley.file, args: [...galley.prefix, 'convert', input, '--to', 'json', '-o', join(scratch, 'adversarial.json'), '--quiet'] };
      const results = [];
      for (let i = 0; i < runs; i++) {
        const r = await runOnce({ ...command, cwd: scratch, env: process.env, timeoutMs: timeoutS * 1000, memory, scratch });
        results.push(r);
        if (r.status !== 'ok') break;
      }
      const failed = results.find((r) => r.status !== 'ok');
      row.bytes.push(Buffer.byteLength(text));
      row.times.push(failed ? failed.status : median(results.map((r) => r.wallS)));
    }
    log(`  ${name}: ${row.times.map((t) => (typeof t === 'number' ? `${t.toFixed(2)} s` : t.toUpperCase())).join(', ')}`);
    rows.push(row);
  }
  return rows;
}

/** The report's lines: both times, and their ratio (about 2 when linear). */
export function adversarialReport(rows) {
  const size = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  return [
    `Adversarial inputs, to JSON at ${SIZES.map((n) => n.toLocaleString('en')).join(' and ')} repetitions (ratio about 2: linear; 4: quadratic):`,
    ...rows.map((row) => {
      const [a, b] = row.times;
      const ratio = typeof a === 'number' && typeof b === 'number' ? b / a : null;
      const times = row.times.map((t, i) => `${typeof t === 'number' ? `${t.toFixed(2)} s` : t.toUpperCase()} (${size(row.bytes[i])})`).join('  ');
      return `  ${row.name.padEnd(38)} ${times.padEnd(36)} ${ratio == null ? '' : `×${ratio.toFixed(1)}${ratio > 3 ? '  SUPERLINEAR' : ''}`}`;
    }),
  ];
}
