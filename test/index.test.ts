import { describe, expect, it } from 'vitest';
import * as galley from '../src/index.js';

describe('public API', () => {
  it('converts one document to every format from one parse', async () => {
    const { document, results } = await galley.convert({ value: '# Hi\n\nSome "text".' }, { to: ['html', 'json'] });
    expect(galley.galleyData(document.file).meta.title).toBe('Hi');
    expect(results.map((r) => [r.format, r.emitted?.kind])).toEqual([
      ['html', 'text'],
      ['json', 'text'],
    ]);
    const html = results[0]?.emitted?.value as string;
    expect(html).toContain('<h1 id="hi">Hi</h1>');
    expect(html).toContain('Some “text”.');
    expect(JSON.parse(results[1]?.emitted?.value as string).meta.title).toBe('Hi');
  });

  it('takes a user emitter through the registry', async () => {
    const words: galley.TextEmitter = {
      name: 'words',
      extension: 'txt',
      description: 'word count',
      kind: 'text',
      emit: (document) => String(String(document.file.value).split(/\s+/).filter(Boolean).length),
    };
    const { results } = await galley.convert({ value: 'one two three' }, { to: ['words'], emitters: { words } });
    expect(results[0]?.emitted?.value).toBe('3');
    expect(Object.keys(galley.createRegistry({ words }))).toEqual([...Object.keys(galley.defaultEmitters), 'words']);
  });
});
