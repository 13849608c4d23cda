// Golden files: each folder of test/fixtures holds an input.md and what galley
// must make of it (out.html, out.json, messages.txt). Regenerate on purpose
// with `UPDATE=1 npx vitest run test/fixtures.test.ts`, and read the diff.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/convert.js';
import type { Emitted } from '../src/emit/types.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const update = process.env.UPDATE === '1';
const cases = readdirSync(fixtures).filter((name) => statSync(path.join(fixtures, name)).isDirectory());

describe('golden fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const folder = path.join(fixtures, name);
    const input = path.join(folder, 'input.md');
    const { document, results } = await convert(
      { path: input, value: readFileSync(input) },
      { root: folder, to: ['html', 'json'], emit: { json: { positions: false, pretty: true } } },
    );
    const text = (emitted: Emitted | undefined) => (emitted?.kind === 'text' ? emitted.value : '');
    const actual: Record<string, string> = {
      'out.html': text(results[0]?.emitted),
      'out.json': text(results[1]?.emitted),
      'messages.txt': document.file.messages
        .map((m) => `${m.line ?? '-'}:${m.column ?? '-'} ${m.fatal ? 'error' : 'warning'} [${m.ruleId}] ${m.reason}\n`)
        .join(''),
    };
    for (const [file, content] of Object.entries(actual)) {
      const expectedPath = path.join(folder, file);
      if (update) writeFileSync(expectedPath, content);
      expect(existsSync(expectedPath), `${name}/${file} is missing: run with UPDATE=1`).toBe(true);
      expect(content, `${name}/${file}`).toBe(readFileSync(expectedPath, 'utf8'));
    }
  });
});
