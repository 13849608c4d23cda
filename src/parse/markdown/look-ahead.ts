// Cheaper copies of three remark-gfm constructs that micromark tries where
// they almost never match, for the same tree.
//
// The e-mail literal (a@b.example) is tried at the start of nearly every word,
// the www. and http:// literals at every word starting with w or h, and the
// table at the start of every line that could begin a block. Each try splits
// the text run or scans the line, then sets up and reverts an attempt; on
// ordinary prose they cost about a third of the parse. Yet each needs
// something literally in the source: `www.`, `http://` or `https://`, an `@`
// after the word's first characters, or a next line made only of `|`, `-`,
// `:` and spaces (a table's delimiter row). These copies look for that first;
// where it is there, the original code decides, so the tree cannot differ
// (test/parse/look-ahead.test.ts compares it with remark-parse's).
import type { Code, Construct, ConstructRecord, Extension, State, TokenizeContext } from 'micromark-util-types';

type Ahead = (source: string, offset: number) => boolean;

/** What each text construct (named as in micromark-extension-gfm-autolink-literal) needs where it starts. */
const textNeeds: Record<string, Ahead> = {
  emailAutolink: atextThenAt,
  wwwAutolink: (source, offset) => asciiAt(source, offset, 'www.'),
  protocolAutolink: (source, offset) => asciiAt(source, offset, 'http://') || asciiAt(source, offset, 'https://'),
};

/**
 * The extensions with those constructs looking ahead in `source`, the text
 * being parsed: micromark's point offsets index it. A leading BOM, which
 * micromark skips, would shift them, so such a text keeps the originals.
 */
export function lookAhead(extensions: Extension[], source: string): Extension[] {
  if (source.charCodeAt(0) === 0xfeff) return extensions;
  // One copy per construct: the e-mail construct alone is listed under 66 character codes.
  const copies = new Map<Construct, Construct>();
  const replace = (construct: Construct): Construct => {
    let copy = copies.get(construct);
    if (!copy) {
      copy = construct.name === 'table' ? tableAhead(construct, source) : textAhead(construct, source);
      copies.set(construct, copy);
    }
    return copy;
  };
  return extensions.map((extension) => {
    const copy = { ...extension };
    if (extension.flow) copy.flow = replaced(extension.flow, replace);
    if (extension.text) copy.text = replaced(extension.text, replace);
    return copy;
  });
}

function replaced(record: ConstructRecord, replace: (construct: Construct) => Construct): ConstructRecord {
  const copy: ConstructRecord = {};
  for (const [code, entry] of Object.entries(record)) {
    copy[code] = Array.isArray(entry) ? entry.map(replace) : entry && replace(entry);
  }
  return copy;
}

/**
 * micromark asks a text construct's `previous` before it breaks a text run
 * to try it; the original check comes first, then the look ahead from the
 * current point.
 */
function textAhead(construct: Construct, source: string): Construct {
  const ahead = construct.name === undefined ? undefined : textNeeds[construct.name];
  const previous = construct.previous;
  if (!ahead || !previous) return construct;
  return {
    ...construct,
    previous(this: TokenizeContext, code: Code): boolean {
      return previous.call(this, code) && ahead(source, this.now().offset);
    },
  };
}

/** A table starts at a head row followed by a delimiter row; further rows continue one. */
function tableAhead(construct: Construct, source: string): Construct {
  const tokenize = construct.tokenize;
  return {
    ...construct,
    tokenize(this: TokenizeContext, effects, ok, nok): State {
      if (continuesTable(this.events) || delimiterRowFollows(source, this.now().offset)) {
        return tokenize.call(this, effects, ok, nok);
      }
      return nok;
    },
  };
}

/** The table construct's own test for a body row: the last event before blank prefixes is in a table. */
function continuesTable(events: TokenizeContext['events']): boolean {
  for (let index = events.length - 1; index > -1; index--) {
    const type: string = (events[index] as TokenizeContext['events'][number])[1].type;
    if (type !== 'lineEnding' && type !== 'linePrefix') return type === 'tableHead' || type === 'tableRow';
  }
  return false;
}

/**
 * Whether the line after the one at `offset` could be a delimiter row: only
 * `|`, `:`, `-` (at least one), spaces and tabs, and `>` for the quote
 * markers of the containers the table is in.
 */
function delimiterRowFollows(source: string, offset: number): boolean {
  let index = lineEnd(source, offset);
  if (index >= source.length) return false;
  index += source.charCodeAt(index) === 13 && source.charCodeAt(index + 1) === 10 ? 2 : 1;
  let dash = false;
  for (; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 10 || code === 13) break;
    if (code === 45) dash = true;
    else if (code !== 124 && code !== 58 && code !== 32 && code !== 9 && code !== 62) return false;
  }
  return dash;
}

function lineEnd(source: string, offset: number): number {
  let index = offset;
  for (; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 10 || code === 13) break;
  }
  return index;
}

/** The e-mail construct reads atext (`[A-Za-z0-9+\-._]`) up to an `@`. */
function atextThenAt(source: string, offset: number): boolean {
  for (let index = offset; ; index++) {
    const code = source.charCodeAt(index);
    if (code === 64) return true;
    if (!isAtext(code)) return false;
  }
}

function isAtext(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ||
    code === 43 || code === 45 || code === 46 || code === 95
  );
}

/** Whether `source` has `lower` at `offset`, its ASCII letters in either case. */
function asciiAt(source: string, offset: number, lower: string): boolean {
  for (let index = 0; index < lower.length; index++) {
    const code = source.charCodeAt(offset + index);
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== lower.charCodeAt(index)) return false;
  }
  return true;
}
