// Text normalization, done once before parsing so every emitter gets text that
// is valid UTF-8 and legal in XML 1.0.

export interface DecodedSource {
  text: string;
  /** 1-based line of the first byte sequence that was not valid UTF-8. */
  invalidUtf8Line?: number;
  /** How many forbidden characters were replaced by U+FFFD. */
  replaced: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes bytes as UTF-8; invalid sequences become U+FFFD and are located. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  try {
    return normalizeText(strictUtf8.decode(bytes));
  } catch {
    const text = lenientUtf8.decode(bytes);
    const result = normalizeText(text);
    const first = firstInvalidByte(bytes);
    result.invalidUtf8Line = lineAt(bytes, first);
    return result;
  }
}

// C0 controls except tab and line feed, DEL-free (XML 1.0 allows U+007F),
// and the noncharacters U+FFFE/U+FFFF. Vertical tab and form feed are
// whitespace in Markdown, so they become spaces rather than U+FFFD.
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]/g;

export function normalizeText(input: string): DecodedSource {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  text = text.replace(/\r\n?/g, '\n').replace(/[\v\f]/g, ' ');
  let replaced = 0;
  text = text.replace(forbidden, () => {
    replaced++;
    return '\uFFFD';
  });
  if (!text.isWellFormed()) {
    replaced += countLoneSurrogates(text);
    text = text.toWellFormed();
  }
  return { text, replaced };
}

function countLoneSurrogates(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else count++;
    } else if (code >= 0xdc00 && code <= 0xdfff) count++;
  }
  return count;
}

function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    if (need > 0 && !validLead(bytes, i, need)) return i;
    i += need + 1;
  }
  return i;
}

// Overlong encodings, surrogates and code points above U+10FFFF.
function validLead(bytes: Uint8Array, i: number, need: number): boolean {
  const b0 = bytes[i] as number;
  const b1 = bytes[i + 1] as number;
  if (need === 2) return !(b0 === 0xe0 && b1 < 0xa0) && !(b0 === 0xed && b1 > 0x9f);
  if (need === 3) return !(b0 === 0xf0 && b1 < 0x90) && !(b0 === 0xf4 && b1 > 0x8f);
  return true;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
