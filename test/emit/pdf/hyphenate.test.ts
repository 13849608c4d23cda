// Hyphenation: the language's patterns, applied by galley's Liang, give the
// same break points as the `hyphen` package's own hyphenator.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hyphenatorFor, liang, patternsFor } from '../../../src/emit/pdf/hyphenate.js';

const require = createRequire(import.meta.url);
const fixtures = new URL('../../fixtures/', import.meta.url).pathname;

/** The break positions the package finds (its soft hyphens). */
function packagePositions(name: string, word: string): number[] {
  const createHyphenator = require('hyphen/hyphen.js') as (patterns: unknown, options: object) => (text: string) => string;
  const hyphenate = createHyphenator(require(`hyphen/patterns/${name}.js`), { html: false, hyphenChar: '|', minWordLength: 1 });
  const marked = hyphenate(word);
  const positions: number[] = [];
  let removed = 0;
  for (let i = 0; i < marked.length; i++) if (marked[i] === '|') positions.push(i - removed++);
  return positions;
}

describe('hyphenation', () => {
  it('picks the patterns of the document’s language', () => {
    expect(patternsFor('fr')).toBe('fr');
    expect(patternsFor('fr-CA')).toBe('fr');
    expect(patternsFor('en')).toBe('en-us');
    expect(patternsFor('en-GB')).toBe('en-gb');
    expect(patternsFor('de-AT')).toBe('de-1996');
    expect(patternsFor('zz')).toBeUndefined();
    expect(patternsFor('../../etc')).toBeUndefined();
    expect(hyphenatorFor('zz')).toBeUndefined();
  });

  it.each(['en-us', 'fr', 'de-1996'])('%s: the package’s break points for every word of the fixtures', (name) => {
    const words = new Set<string>(['hyphenation', 'typesetting', 'concertation', 'numérique', 'Silbentrennung', 'Donaudampfschifffahrt', 'table', 'associate', 'project']);
    for (const folder of readdirSync(fixtures)) {
      const file = path.join(fixtures, folder, 'input.md');
      if (!existsSync(file)) continue;
      for (const word of readFileSync(file, 'utf8').split(/[^\p{L}]+/u)) if (word.length >= 5) words.add(word);
    }
    const patterns = require(`hyphen/patterns/${name}.js`) as Parameters<typeof liang>[1];
    for (const word of words) {
      const expected = packagePositions(name, word).filter((at) => at >= 2 && word.length - at >= 2);
      expect(liang(word, patterns), `${name} ${word}`).toEqual(expected);
    }
  });
});
