import type { Paragraph, Text } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/index.js';
import { decodeSource } from '../../src/parse/normalize.js';

const encode = (s: string) => new TextEncoder().encode(s);

describe('text normalization', () => {
  it('drops the BOM and turns CRLF and CR into LF', () => {
    expect(decodeSource(encode('\uFEFFa\r\nb\rc\n')).text).toBe('a\nb\nc\n');
  });

  it('replaces NUL, C0 controls and noncharacters by U+FFFD, and counts them', () => {
    const result = decodeSource(encode('a\u0000b\u0001c\u001Fd\uFFFEe\tf'));
    expect(result.text).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf');
    expect(result.replaced).toBe(4);
  });

  it('turns vertical tab and form feed into spaces', () => {
    expect(decodeSource(encode('a\vb\fc')).text).toBe('a b c');
  });

  it('replaces lone surrogates', () => {
    const string = parse({ value: 'a\uD800b \uDC00c' }, { assets: false });
    const text = (string.tree.children[0] as Paragraph).children[0] as Text;
    expect(text.value).toBe('a\uFFFDb \uFFFDc');
  });

  it('reports invalid UTF-8 with its line and keeps the rest', () => {
    const bytes = Buffer.concat([Buffer.from('line one\nline two \xE9 ok\n', 'latin1')]);
    const result = decodeSource(bytes);
    expect(result.invalidUtf8Line).toBe(2);
    expect(result.text).toBe('line one\nline two \uFFFD ok\n');
    const doc = parse({ value: bytes }, { assets: false });
    expect(doc.file.messages.map((m) => [m.ruleId, m.line])).toEqual([['invalid-utf8', 2]]);
  });

  it('accepts overlong-free valid UTF-8 as is', () => {
    expect(decodeSource(encode('é € 𝄞')).invalidUtf8Line).toBeUndefined();
  });

  it('locates overlong encodings as invalid', () => {
    expect(decodeSource(Buffer.from([0x61, 0x0a, 0xc0, 0xaf])).invalidUtf8Line).toBe(2);
  });
});
