import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.js';
import { defaultEmitters } from '../../src/emit/registry.js';
import type { TextEmitter } from '../../src/emit/types.js';
import { createWorkspace, type Workspace } from '../helpers/workspace.js';

const png = readFileSync(new URL('../../input/images/architecture.png', import.meta.url));
let ws: Workspace;
let cwd: string;
/** The files of an output folder, without galley's manifest. */
const outputs = (dir: string) => ws.files(dir).filter((f) => !f.startsWith('galley-manifest'));

beforeEach(() => {
  ws = createWorkspace({
    'input/good.md': '# Good\n\n![diagram](img/a.png)\n',
    'input/img/a.png': png,
    'input/sub/nested.markdown': '# Nested\n',
    'input/notes.txt': 'Plain text is Markdown too.\n',
    'input/broken.md': '---js\nmodule.exports = {}\n---\n# Broken\n',
    'input/ignored.rst': 'not a document\n',
    'input/.hidden/secret.md': '# hidden\n',
  });
  cwd = process.cwd();
  process.chdir(ws.dir);
});

afterEach(() => {
  process.chdir(cwd);
  ws.remove();
});

describe('build', () => {
  it('converts every document, mirroring the input tree, and reports the broken one', async () => {
    const report = await build({ to: ['json', 'html'] });
    expect(report.documents.map((d) => [d.source, d.status])).toEqual([
      ['broken.md', 'failed'],
      ['good.md', 'converted'],
      ['notes.txt', 'converted'],
      ['sub/nested.markdown', 'converted'],
    ]);
    expect(ws.files('output')).toEqual([
      'galley-manifest.json',
      'good.html',
      'good.json',
      'notes.html',
      'notes.json',
      'sub/nested.html',
      'sub/nested.json',
    ]);
    const broken = report.documents[0]!;
    expect(broken.path).toBe('input/broken.md');
    expect(broken.messages).toEqual([
      expect.objectContaining({ severity: 'error', line: 1, column: 1, ruleId: 'front-matter-language' }),
    ]);
    expect(report.summary).toMatchObject({ documents: 4, converted: 3, failed: 1, outputs: 6, errors: 1 });
  });

  it('records each output with its size and sha256', async () => {
    const report = await build({ to: ['json'] });
    const good = report.documents.find((d) => d.source === 'good.md')!;
    const bytes = readFileSync(ws.path('output/good.json'));
    expect(good.outputs).toEqual([
      { format: 'json', path: 'good.json', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
    ]);
  });

  it('removes the outputs of a document that now fails, and leaves no temporary file', async () => {
    await build({ to: ['json'] });
    ws.write('input/good.md', '---\ntitle: [unclosed\n---\n');
    const report = await build({ to: ['json'] });
    expect(report.documents.find((d) => d.source === 'good.md')?.status).toBe('failed');
    expect(outputs('output')).toEqual(['notes.json', 'sub/nested.json']);
  });

  it('refuses two documents that would write the same file, naming each other', async () => {
    ws.write('input/notes.md', '# Clash\n');
    const report = await build({ to: ['json'] });
    const clash = report.documents.filter((d) => d.source.startsWith('notes.'));
    expect(clash.map((d) => [d.source, d.status, d.messages[0]?.message])).toEqual([
      ['notes.md', 'failed', 'same output name as notes.txt; rename one of them'],
      ['notes.txt', 'failed', 'same output name as notes.md; rename one of them'],
    ]);
    expect(ws.files('output')).not.toContain('notes.json');
  });

  it('keeps other formats when one emitter fails, and writes nothing for it', async () => {
    const failing: TextEmitter = {
      name: 'boom',
      extension: 'boom',
      description: 'always fails',
      kind: 'text',
      emit() {
        throw new Error('kaboom');
      },
    };
    const report = await build({ inputs: ['input/good.md'], to: ['json', 'boom'], emitters: { boom: failing } });
    const [doc] = report.documents;
    expect(doc?.status).toBe('failed');
    expect(doc?.outputs.map((o) => o.format)).toEqual(['json']);
    expect(doc?.messages.at(-1)).toMatchObject({ severity: 'error', ruleId: 'emitter-failed', source: 'galley:boom' });
    expect(doc?.messages.at(-1)?.message).toContain('kaboom');
    expect(outputs('output')).toEqual(['good.json']);
  });

  it('takes single files and derives the root from them', async () => {
    const report = await build({ inputs: ['input/sub/nested.markdown', 'input/good.md'], to: ['json'], out: 'out' });
    expect(report.root).toBe('input');
    expect(outputs('out')).toEqual(['good.json', 'sub/nested.json']);
  });

  it('gives byte-identical outputs on a second run', async () => {
    await build({ to: ['json', 'html'], out: 'one' });
    await build({ to: ['json', 'html'], out: 'two' });
    for (const file of ws.files('one')) {
      expect(readFileSync(ws.path('two', file)).equals(readFileSync(ws.path('one', file)))).toBe(true);
    }
  });

  it('skips the output folder when it lies inside the input', async () => {
    await build({ inputs: ['input'], out: 'input/out', to: ['json'] });
    ws.write('input/out/stale.md', '# should not be read\n');
    const report = await build({ inputs: ['input'], out: 'input/out', to: ['json'] });
    expect(report.documents.map((d) => d.source)).not.toContain('out/stale.md');
  });

  it('rejects an unknown format, listing the valid ones', async () => {
    const valid = Object.keys(defaultEmitters).join(', ');
    await expect(build({ to: ['pdfx'] })).rejects.toThrow(`unknown format "pdfx"; valid formats: ${valid}`);
  });
});
