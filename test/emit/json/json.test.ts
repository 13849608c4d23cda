import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { emitJson, jsonEmitter, modelVersion } from '../../../src/emit/json/index.js';
import { parse } from '../../../src/parse/index.js';
import { version } from '../../../src/version.js';
import { parseMarkdown } from '../../helpers/parse.js';

const schema = JSON.parse(readFileSync(new URL('../../../src/emit/json/schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const file = (relative: string) => new URL(relative, import.meta.url).pathname;

const documents = {
  seed: file('../../../input/communique-presse-numerique.md'),
  showcase: file('../../../input/showcase.md'),
};

function emitFile(path: string, positions = true): unknown {
  const document = parse({ path, value: readFileSync(path) });
  return JSON.parse(emitJson(document, { positions, pretty: false }));
}

describe('JSON emitter', () => {
  it.each(Object.entries(documents))('writes a model of %s that validates against the schema', (_, path) => {
    const model = emitFile(path);
    const valid = validate(model);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('validates without positions too, and then has none', () => {
    const model = emitFile(documents.showcase, false);
    expect(validate(model)).toBe(true);
    expect(JSON.stringify(model)).not.toContain('"position"');
  });

  it('rejects a model that breaks the schema (the schema is not a blank cheque)', () => {
    const model = emitFile(documents.seed) as { meta: { lang: unknown } };
    model.meta.lang = 42;
    expect(validate(model)).toBe(false);
  });

  it('carries version, source, meta, outline, messages and the tree', () => {
    const model = emitFile(documents.seed) as Record<string, any>;
    expect(model.galley).toEqual({ version, model: modelVersion });
    expect(model.source).toBe('communique-presse-numerique.md');
    expect(model.meta.lang).toBe('fr');
    expect(model.outline).toHaveLength(1);
    expect(model.tree.type).toBe('root');
    expect(model.tree.children[0].position.start).toEqual({ line: 5, column: 1, offset: 4 });
  });

  it('lists assets without their bytes, with a digest', () => {
    const model = emitFile(documents.showcase) as Record<string, any>;
    expect(model.assets.map((a: { key: string }) => a.key)).toEqual(['images/architecture.png', 'images/pipeline.svg']);
    expect(model.assets[0]).toMatchObject({ mediaType: 'image/png', width: 240, height: 135, bytes: 2014 });
    expect(model.assets[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('includes parse-stage messages only, so its bytes do not depend on which formats ran', async () => {
    const document = parseMarkdown('[x](javascript:1)');
    document.file.message('from another emitter', { source: 'galley:html' });
    const model = JSON.parse(await jsonEmitter.emit(document, {}));
    expect(model.messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['unsafe-url']);
  });

  it('is compact by default and indented on request', async () => {
    const document = parseMarkdown('# x');
    expect((await jsonEmitter.emit(document, {})).split('\n')).toHaveLength(2);
    expect((await jsonEmitter.emit(document, { json: { pretty: true } })).split('\n').length).toBeGreaterThan(10);
  });
});
