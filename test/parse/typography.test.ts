import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../helpers/parse.js';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

function text(markdown: string, lang = 'en', smart = true): string {
  const doc = parseMarkdown(`---\nlang: ${lang}\n---\n\n${markdown}`, { smart });
  return toString(doc.tree.children[1] as Paragraph);
}

describe('smart typography', () => {
  it('curls quotes and apostrophes in English', () => {
    expect(text(`"Hello," she said, 'it's fine.'`)).toBe('“Hello,” she said, ‘it’s fine.’');
  });

  it('pairs quotes across inline marks', () => {
    expect(text('"*emphasis*" and "[link](https://x.org)"')).toBe('“emphasis” and “link”');
  });

  it('uses the quotes of the language', () => {
    expect(text('Er sagte "hallo" und ging.', 'de')).toBe('Er sagte „hallo“ und ging.');
    expect(text(`Il a dit "bonjour" à l'Etat.`, 'fr')).toBe(`Il a dit «${NNBSP}bonjour${NNBSP}» à l’Etat.`);
  });

  it('turns -- and --- into dashes and ... into an ellipsis', () => {
    expect(text('pages 10--20, a pause --- here, and more...')).toBe('pages 10–20, a pause — here, and more…');
  });

  it('leaves code alone', () => {
    const doc = parseMarkdown('Say `"raw" -- ...` "now"');
    const paragraph = doc.tree.children[0] as Paragraph;
    expect(paragraph.children[1]).toMatchObject({ type: 'inlineCode', value: '"raw" -- ...' });
    expect(toString(paragraph)).toBe('Say "raw" -- ... “now”');
  });

  it('can be switched off', () => {
    expect(text(`"x" -- y... z : w`, 'fr', false)).toBe(`"x" -- y... z : w`);
  });
});

describe('French spacing', () => {
  it('puts no-break spaces before : ; ! ? and inside guillemets', () => {
    expect(text('Contacts presse : oui ; non ! quoi ? « cité »', 'fr')).toBe(
      `Contacts presse${NBSP}: oui${NNBSP}; non${NNBSP}! quoi${NNBSP}? «${NNBSP}cité${NNBSP}»`,
    );
  });

  it('binds guillemets to emphasised text across nodes', () => {
    expect(text('la « *Gouvernance des politiques* ».', 'fr')).toBe(`la «${NNBSP}Gouvernance des politiques${NNBSP}».`);
  });

  it('adds the space inside guillemets written without one', () => {
    expect(text('«cité»', 'fr')).toBe(`«${NNBSP}cité${NNBSP}»`);
  });

  it('does not touch times, URLs or English text', () => {
    expect(text('à 10:30 sur http://example.org/?a=1', 'fr')).toBe('à 10:30 sur http://example.org/?a=1');
    expect(text('Contacts : yes', 'en')).toBe('Contacts : yes');
  });
});
