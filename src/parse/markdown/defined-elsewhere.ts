// A micromark extension that tells the parser which link definitions and
// footnote definitions exist in other pieces of the document, so that a
// reference in one piece resolves to a definition in another exactly as it
// would in a whole-document parse.
//
// micromark keeps them on the parse context (`parser.defined`,
// `parser.gfmFootnotes`), which no option reaches; a document construct that
// is tried at the first line (and always declines) is the one place an
// extension sees that context before any reference is resolved.
//
// The lists it installs answer `includes` from a Set. micromark calls it for
// every definition and reference, and on plain arrays a document with
// thousands of definitions was quadratic (20,000 footnotes: 3.6 s, 40,000:
// 10.5 s), so every parse uses it, with or without other pieces.
import type { Extension, ParseContext, State, TokenizeContext } from 'micromark-util-types';

export interface Definitions {
  /** Link definition identifiers, normalized as micromark does. */
  links: ReadonlySet<string>;
  /** Footnote definition identifiers, normalized the same way. */
  footnotes: ReadonlySet<string>;
}

/** Array with a Set beside it: micromark calls `includes` for every reference. */
class IdentifierList extends Array<string> {
  readonly #known = new Set<string>();

  override push(...items: string[]): number {
    for (const item of items) this.#known.add(item);
    return super.push(...items);
  }

  override includes(value: string): boolean {
    return this.#known.has(value);
  }
}

function identifierList(...sources: Array<Iterable<string>>): IdentifierList {
  const list = new IdentifierList();
  for (const source of sources) for (const value of source) list.push(value);
  return list;
}

export function definedElsewhere(definitions: Definitions): Extension {
  let declared = false;
  function tokenize(this: TokenizeContext, _effects: unknown, _ok: State, nok: State): State {
    if (!declared) {
      declared = true;
      const parser = this.parser as ParseContext & { gfmFootnotes?: string[] };
      parser.defined = identifierList(parser.defined, definitions.links);
      parser.gfmFootnotes = identifierList(parser.gfmFootnotes ?? [], definitions.footnotes);
    }
    return nok;
  }
  return { document: { null: [{ tokenize: tokenize as never }] } };
}
