// Document language: front matter first, else detected from a sample of the
// text with franc-min, else English.
import { franc } from 'franc-min';
import type { Root } from 'mdast';
import { EXIT, SKIP, walk } from './walk.js';

/** franc-min's ISO 639-3 codes that have a shorter BCP 47 form. */
const bcp47: Record<string, string> = {
  amh: 'am', arb: 'ar', azj: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', ces: 'cs', cmn: 'zh',
  deu: 'de', ell: 'el', eng: 'en', fra: 'fr', guj: 'gu', hau: 'ha', hin: 'hi', hrv: 'hr', hun: 'hu',
  ibo: 'ig', ind: 'id', ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kaz: 'kk', kin: 'rw', kor: 'ko',
  lin: 'ln', mal: 'ml', mar: 'mr', mya: 'my', nld: 'nl', npi: 'ne', nya: 'ny', pan: 'pa', pbu: 'ps',
  pes: 'fa', plt: 'mg', pol: 'pl', por: 'pt', ron: 'ro', run: 'rn', rus: 'ru', sin: 'si', som: 'so',
  spa: 'es', srp: 'sr', sun: 'su', swe: 'sv', swh: 'sw', tam: 'ta', tel: 'te', tgl: 'tl', tha: 'th',
  tur: 'tr', ukr: 'uk', urd: 'ur', uzn: 'uz', vie: 'vi', yor: 'yo', zlm: 'ms', zul: 'zu', zyb: 'za',
};

/** Languages written right to left, by primary subtag. */
const rtlLanguages = new Set(['ar', 'arb', 'he', 'fa', 'pes', 'ur', 'ps', 'pbu', 'ckb', 'yi', 'dv', 'sd', 'ug']);

const sampleSize = 4000;
const minimumSample = 40;

export const defaultLanguage = 'en';

/** Detects the language of the document's prose; `undefined` when unsure. */
export function detectLanguage(tree: Root): string | undefined {
  const sample = proseSample(tree);
  if (sample.length < minimumSample) return undefined;
  const code = franc(sample, { minLength: minimumSample });
  if (code === 'und') return undefined;
  return bcp47[code] ?? code;
}

// Text, not code: code blocks would make every document look English.
function proseSample(tree: Root): string {
  let sample = '';
  walk(tree, (node) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml') return SKIP;
    if (node.type === 'text') {
      sample += node.value + ' ';
      if (sample.length >= sampleSize) return EXIT;
    }
    return undefined;
  });
  return sample;
}

const tagPattern = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

export function isLanguageTag(value: string): boolean {
  return tagPattern.test(value);
}

export function primarySubtag(lang: string): string {
  return (lang.split('-')[0] ?? lang).toLowerCase();
}

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return rtlLanguages.has(primarySubtag(lang)) ? 'rtl' : 'ltr';
}
