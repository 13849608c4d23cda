// Incremental builds, the cache, the manifest and shards, through the library
// `build()` run from the TypeScript sources: documents are converted in the
// calling thread here (there is no compiled worker next to src/build/pool.ts);
// test/build/workers.test.ts runs the compiled library with its workers.
import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { build, type BuildOptions } from '../../src/build/index.js';
import { documentKey, stableKeyOf } from '../../src/build/cache.js';
import { mergeManifests, type Manifest } from '../../src/build/manifest.js';
import { inShard, parseShard } from '../../src/build/shard.js';
import type { DocumentReport } from '../../src/build/report.js';
import type { TextEmitter } from '../../src/emit/types.js';
import { createWorkspace, type Workspace } from '../helpers/workspace.js';

const png = readFileSync(new URL('../../input/images/architecture.png', import.meta.url));
const date = new Date('2026-01-02T03:04:05Z');
let ws: Workspace;
let cwd: string;

const run = (options: BuildOptions = {}) => build({ to: ['html', 'json', 'docx'], emit: { date }, ...options });
const converted = (documents: DocumentReport[]) => documents.filter((d) => !d.cached).map((d) => d.source);
const manifest = (file = 'output/galley-manifest.json') => JSON.parse(readFileSync(ws.path(file), 'utf8')) as Manifest;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const rm = (file: string) => rmSync(file, { force: true });
/** The files of an output folder, without galley's manifests. */
const outputs = (dir: string) => ws.files(dir).filter((f) => !f.startsWith('galley-manifest'));

beforeEach(() => {
  ws = createWorkspace({
    'input/a.md': '# Alpha\n\n![diagram](img/a.png)\n',
    'input/b.md': '# Beta\n\n[x](javascript:alert(1))\n',
    'input/c.md': '# Gamma\n\n![later](img/later.png)\n',
    'input/sub/d.md': '# Delta\n\n![up](../img/a.png)\n',
    'input/img/a.png': png,
  });
  cwd = process.cwd();
  process.chdir(ws.dir);
});

afterEach(() => {
  process.chdir(cwd);
  ws.remove();
});

describe('incremental builds', () => {
  it('converts nothing on a second run and leaves the outputs as they are', async () => {
    const first = await run();
    expect(converted(first.documents)).toEqual(['a.md', 'b.md', 'c.md', 'sub/d.md']);
    const before = statSync(ws.path('output/a.html')).mtimeMs;
    const second = await run();
    expect(converted(second.documents)).toEqual([]);
    expect(second.summary).toMatchObject({ documents: 4, converted: 4, cached: 4 });
    expect(statSync(ws.path('output/a.html')).mtimeMs).toBe(before);
    // Same report apart from the cached flags: messages and outputs come from the cache.
    expect(second.documents.map((d) => ({ ...d, cached: false }))).toEqual(first.documents);
  });

  it('converts only the document that changed', async () => {
    await run();
    ws.write('input/b.md', '# Beta, again\n');
    const report = await run();
    expect(converted(report.documents)).toEqual(['b.md']);
    expect(readFileSync(ws.path('output/b.html'), 'utf8')).toContain('Beta, again');
  });

  it('converts again every document that uses an image that changed, and only those', async () => {
    await run();
    // Still a PNG (bytes after IEND are kept), but other bytes.
    ws.write('input/img/a.png', Buffer.concat([png, Buffer.from('changed')]));
    const report = await run();
    expect(converted(report.documents)).toEqual(['a.md', 'sub/d.md']);
  });

  it('converts again a document whose missing image appeared', async () => {
    const first = await run();
    expect(first.documents[2]?.messages.map((m) => m.ruleId)).toContain('image-not-found');
    ws.write('input/img/later.png', png);
    const report = await run();
    expect(converted(report.documents)).toEqual(['c.md']);
    expect(report.documents[2]?.messages).toEqual([]);
  });

  it('converts again when an option, a format or the pinned date changes, and everything with force', async () => {
    await run();
    expect(converted((await run({ smart: false })).documents)).toHaveLength(4);
    expect(converted((await run({ metaOverrides: { toc: true } })).documents)).toHaveLength(4);
    expect(converted((await run({ to: ['html', 'json'] })).documents)).toHaveLength(4);
    expect(converted((await run({ emit: { date: new Date('2030-01-01T00:00:00Z') } })).documents)).toHaveLength(4);
    expect(converted((await run()).documents)).toHaveLength(4);
    expect(converted((await run()).documents)).toHaveLength(0);
    expect(converted((await run({ force: true })).documents)).toHaveLength(4);
  });

  it('restores deleted outputs from the cache, byte for byte what a fresh build writes', async () => {
    await run();
    ws.write('output/a.html', '');
    for (const file of ['output/a.docx', 'output/sub/d.json']) rm(ws.path(file));
    const report = await run();
    expect(converted(report.documents)).toEqual([]);
    await run({ out: 'fresh', cache: false });
    for (const file of outputs('fresh')) {
      expect(readFileSync(ws.path('output', file)).equals(readFileSync(ws.path('fresh', file))), file).toBe(true);
    }
    expect(outputs('output')).toEqual(outputs('fresh'));
  });

  it('keeps the cache where it is told, or none', async () => {
    await run({ cache: 'cache-here' });
    expect(ws.files('cache-here').some((f) => f.endsWith('entry.json'))).toBe(true);
    expect(ws.files('.').some((f) => f.startsWith('node_modules/.cache/galley'))).toBe(false);
    expect(converted((await run({ cache: false })).documents)).toHaveLength(4);
    expect(converted((await run({ cache: 'cache-here' })).documents)).toHaveLength(0);
  });

  it('converts documents with custom emitters every time (functions cannot be keyed)', async () => {
    const upper: TextEmitter = { name: 'upper', extension: 'txt', kind: 'text', description: 'upper case', emit: (d) => String(d.file.value).toUpperCase() };
    await run({ to: ['upper'], emitters: { upper } });
    const report = await run({ to: ['upper'], emitters: { upper } });
    expect(converted(report.documents)).toHaveLength(4);
    expect(readFileSync(ws.path('output/b.txt'), 'utf8')).toContain('# BETA');
  });
});

describe('the manifest', () => {
  it('lists every source with its outputs (path, format, bytes, sha256) and messages', async () => {
    const report = await run();
    const written = manifest();
    expect(written.galley).toMatchObject({ manifest: 1 });
    expect(written.root).toBe('../input');
    expect(written.documents.map((d) => d.source)).toEqual(['a.md', 'b.md', 'c.md', 'sub/d.md']);
    for (const document of written.documents) {
      expect(document.key).toMatch(/^[0-9a-f]{64}$/);
      expect(document.outputs.map((o) => o.format)).toEqual(['html', 'json', 'docx']);
      for (const output of document.outputs) {
        const bytes = readFileSync(ws.path('output', output.path));
        expect(output).toEqual({ format: output.format, path: output.path, bytes: bytes.length, sha256: sha256(bytes) });
      }
    }
    expect(written.documents[1]?.messages).toEqual(report.documents[1]?.messages);
    expect(written.documents[1]?.messages[0]).toMatchObject({ severity: 'warning', ruleId: 'unsafe-url', line: 3 });
  });

  it('removes the outputs of a source that disappeared, and nothing else', async () => {
    await run();
    ws.write('output/mine.txt', 'a file galley did not write');
    ws.write('output/a.json', 'edited by someone since galley wrote it');
    rm(ws.path('input/a.md'));
    const report = await run();
    expect(report.removed).toEqual(['a.md']);
    expect(outputs('output').filter((f) => f.startsWith('a.') || f === 'mine.txt')).toEqual(['a.json', 'mine.txt']);
    expect(manifest().documents.map((d) => d.source)).toEqual(['b.md', 'c.md', 'sub/d.md']);
  });

  it('removes the outputs of a format no longer built', async () => {
    await run();
    await run({ to: ['html'] });
    expect(outputs('output')).toEqual(['a.html', 'b.html', 'c.html', 'sub/d.html']);
  });

  it('keeps listing documents converted earlier that this build did not take', async () => {
    await run();
    const report = await run({ inputs: ['input/b.md', 'input/a.md'] });
    expect(report.documents.map((d) => d.source)).toEqual(['a.md', 'b.md']);
    expect(report.removed).toEqual([]);
    expect(outputs('output')).toContain('sub/d.docx');
  });

  it('refuses a document whose output would replace the manifest', async () => {
    ws.write('input/galley-manifest.md', '# Clash\n');
    const report = await run({ to: ['json'] });
    const clash = report.documents.find((d) => d.source === 'galley-manifest.md');
    expect(clash?.status).toBe('failed');
    expect(clash?.messages[0]?.message).toContain("would replace galley's manifest");
  });
});

describe('shards', () => {
  it('split the documents into disjoint, stable shares whose manifests merge into one', async () => {
    for (let i = 0; i < 12; i++) ws.write(`input/many/doc-${i}.md`, `# Document ${i}\n`);
    const all = (await run({ to: ['json'], out: 'all' })).documents.map((d) => d.source);
    const one = (await run({ to: ['json'], out: 'one', shard: '1/3' })).documents.map((d) => d.source);
    const two = (await run({ to: ['json'], out: 'two', shard: { index: 2, count: 3 } })).documents.map((d) => d.source);
    const three = (await run({ to: ['json'], out: 'three', shard: '3/3' })).documents.map((d) => d.source);
    expect([...one, ...two, ...three].sort()).toEqual(all);
    for (const share of [one, two, three]) expect(share.length).toBeGreaterThan(0);
    expect(ws.files('two')).toContain('galley-manifest-2-of-3.json');

    // The artifacts of every shard, copied into one folder, then merged.
    for (const dir of ['one', 'two', 'three']) cpSync(ws.path(dir), ws.path('site'), { recursive: true });
    const merged = mergeManifests(ws.path('site'));
    expect(merged.documents.map((d) => d.source)).toEqual(all);
    expect(merged.shard).toBeNull();
    expect(ws.files('site').filter((f) => f.startsWith('galley-manifest'))).toEqual(['galley-manifest.json']);
    const whole = manifest('all/galley-manifest.json');
    expect(merged.documents.map((d) => d.outputs)).toEqual(whole.documents.map((d) => d.outputs));
  });

  it('refuses to merge when a shard is missing or an output does not match', async () => {
    await run({ to: ['json'], out: 'site', shard: '1/2' });
    expect(() => mergeManifests(ws.path('site'))).toThrow('shard 2 of 2 missing');
    await run({ to: ['json'], out: 'site', shard: '2/2' });
    const first = manifest('site/galley-manifest-1-of-2.json').documents[0]!.outputs[0]!.path;
    writeFileSync(ws.path('site', first), 'tampered');
    expect(() => mergeManifests(ws.path('site'))).toThrow(`${first} does not match`);
  });

  it('put a document in the same shard whatever other documents exist', () => {
    const shard = parseShard('2/5');
    const names = Array.from({ length: 200 }, (_, i) => `docs/page-${i}.md`);
    const picked = names.filter((n) => inShard(n, shard));
    expect(picked.length).toBeGreaterThan(20);
    expect(picked.length).toBeLessThan(60);
    expect(() => parseShard('0/2')).toThrow('1 ≤ I ≤ N');
    expect(() => parseShard('3/2')).toThrow('1 ≤ I ≤ N');
  });
});

describe('cache keys', () => {
  it('cover the bytes, the path and the options, in a canonical form', () => {
    const key = stableKeyOf({ b: 1, a: [new Date(0), new Uint8Array([1, 2])] });
    expect(key).toBe(stableKeyOf({ a: [new Date(0), new Uint8Array([1, 2])], b: 1, c: undefined }));
    expect(key).not.toBe(stableKeyOf({ b: 1, a: [new Date(0), new Uint8Array([1, 3])] }));
    expect(() => stableKeyOf({ handlers: { heading: () => null } })).toThrow('function');
    const bytes = Buffer.from('# A\n');
    expect(documentKey(key, 'a.md', bytes)).not.toBe(documentKey(key, 'b.md', bytes));
    expect(documentKey(key, 'a.md', bytes)).not.toBe(documentKey(key, 'a.md', Buffer.from('# B\n')));
    expect(documentKey(key, 'a.md', bytes)).not.toBe(documentKey(stableKeyOf({ b: 2 }), 'a.md', bytes));
  });

  it('differ between two builds of the same version (a rebuilt galley never reuses older outputs)', async () => {
    const keyWith = async (build: string | undefined) => {
      vi.resetModules();
      vi.doMock('../../src/version.js', () => ({ version: '0.1.0', build }));
      const cache = await import('../../src/build/cache.js');
      return cache.documentKey('{}', 'a.md', Buffer.from('# A\n'));
    };
    try {
      const keys = [await keyWith('0123456789abcdef'), await keyWith('fedcba9876543210'), await keyWith(undefined)];
      expect(new Set(keys).size).toBe(3);
      expect(await keyWith('0123456789abcdef')).toBe(keys[0]);
    } finally {
      vi.doUnmock('../../src/version.js');
      vi.resetModules();
    }
  });
});
