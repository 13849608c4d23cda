// Hyphenation by language: the TeX patterns of the `hyphen` package,
// loaded on first use for the document's language (about 10 ms for
// English), so that documents that need no hyphen never load them, and
// applied by Liang's algorithm here (the package's own text scanner costs
// tens of microseconds a word). Words come back as the positions where they
// may be broken.
import { createRequire } from 'node:module';

/** Positions inside `word` where a hyphen may break it, ascending. */
export type Hyphenator = (word: string) => readonly number[];

/** Pattern files the package ships (`hyphen/patterns/<name>.js`). */
const patternNames = new Set(
  (
    'af as be bg bn ca cop cs cu cy da de-1901 de-1996 de-ch-1901 el-monoton el-polyton en-gb en-us es et eu fi fi-x-school fr fur ga gl grc gu hi hr hsb hu hy ia id is it ka kmr kn ' +
    'la la-x-classic la-x-liturgic lt lv mk ml mn-cyrl mn-cyrl-x-lmc mr mul-ethi nb nl nn no oc or pa pi pl pms pt rm ro ru sa sh-cyrl sh-latn sk sl sq sr-cyrl sv ta te th tk tr uk zh-latn-pinyin'
  ).split(' '),
);

/** The patterns a primary language subtag uses when no region matches. */
const preferred: Record<string, string> = {
  en: 'en-us',
  de: 'de-1996',
  el: 'el-monoton',
  mn: 'mn-cyrl',
  sr: 'sr-cyrl',
  sh: 'sh-latn',
  no: 'nb',
};

/** The pattern file for a BCP 47 tag (`en-GB` → en-gb, `fr-CA` → fr, `de-AT` → de-1996), or undefined. */
export function patternsFor(lang: string): string | undefined {
  const tag = lang.trim().toLowerCase().replace(/_/g, '-');
  if (patternNames.has(tag) && tag !== 'en' && tag !== 'de') return tag;
  const primary = tag.split('-')[0] ?? '';
  const name = Object.hasOwn(preferred, primary) ? preferred[primary] : primary;
  return name && patternNames.has(name) ? name : undefined;
}

const hyphenators = new Map<string, Hyphenator>();

/** A language's patterns as the package ships them: levels, a trie of letters, and exceptions. */
type Trie = { [letter: string]: Trie | number | [Trie, number] };
type Patterns = [number[][], Trie, Record<string, number[]>?];

/** A hyphenator for the language (loaded on its first word), or undefined when no patterns exist for it. */
export function hyphenatorFor(lang: string): Hyphenator | undefined {
  const name = patternsFor(lang);
  if (!name) return undefined;
  let hyphenator = hyphenators.get(name);
  if (!hyphenator) {
    let patterns: Patterns | undefined;
    const cache = new Map<string, readonly number[]>();
    hyphenator = (word) => {
      let positions = cache.get(word);
      if (positions) return positions;
      patterns ??= createRequire(import.meta.url)(`hyphen/patterns/${name}.js`) as Patterns;
      positions = liang(word, patterns);
      if (cache.size > 50_000) cache.clear();
      cache.set(word, positions);
      return positions;
    };
    hyphenators.set(name, hyphenator);
  }
  return hyphenator;
}

/**
 * Liang's algorithm over the package's pattern trie, as the package's own
 * `hyphenateWord` reads it (the tests compare both), without its text
 * scanner: each pattern that matches inside ".word." raises the levels
 * between letters; odd levels are break points.
 */
export function liang(word: string, patterns: Patterns): number[] {
  const [levelsTable, trie, exceptions] = patterns;
  const lowered = word.toLowerCase();
  const listed = exceptions && Object.hasOwn(exceptions, lowered) ? exceptions[lowered] : undefined;
  if (listed) return listed.filter((at) => at > 0 && at < word.length);
  const text = `.${lowered}.`;
  const levels = new Array<number>(word.length + 1).fill(0);
  for (let start = 0; text.length - start >= 3; start++) {
    // The pattern starting at the dot and the one at the first letter both count from the first letter.
    const entity = Math.max(start - 1, 0);
    let node: Trie | undefined = trie;
    for (let i = start; i < text.length && node; i++) {
      const entry: Trie[string] | undefined = node[text.charAt(i)];
      if (entry === undefined) break;
      let levelIndex = -1;
      if (Array.isArray(entry)) {
        node = entry[0];
        levelIndex = entry[1];
      } else if (typeof entry === 'number') {
        node = undefined;
        levelIndex = entry;
      } else node = entry;
      if (levelIndex < 0) continue;
      const found = levelsTable[levelIndex] ?? [];
      for (let k = 0; k < found.length; k++) {
        const at = entity + k;
        if ((found[k] as number) > (levels[at] ?? 0)) levels[at] = found[k] as number;
      }
    }
  }
  const positions: number[] = [];
  // No break before the first two letters nor after the last one (as the package).
  for (let i = 2; i < word.length - 1; i++) if (((levels[i] ?? 0) & 1) === 1) positions.push(i);
  return positions;
}
