// The document language as Word wants it in `w:lang`: a language with a
// region (Word's proofing tools and hyphenation are chosen by region), so a
// bare primary tag gets its most likely region (`fr` → `fr-FR`, `en` →
// `en-US`), as CLDR's likely subtags give it. Tags that already have a
// region keep it; a script subtag picks the region where it matters.

const likelyRegion: Record<string, string> = {
  af: 'ZA', am: 'ET', ar: 'SA', az: 'AZ', be: 'BY', bg: 'BG', bn: 'BD', bs: 'BA', ca: 'ES', cs: 'CZ',
  cy: 'GB', da: 'DK', de: 'DE', el: 'GR', en: 'US', es: 'ES', et: 'EE', eu: 'ES', fa: 'IR', fi: 'FI',
  fil: 'PH', fr: 'FR', ga: 'IE', gl: 'ES', gu: 'IN', he: 'IL', hi: 'IN', hr: 'HR', hu: 'HU', hy: 'AM',
  id: 'ID', is: 'IS', it: 'IT', ja: 'JP', ka: 'GE', kk: 'KZ', km: 'KH', kn: 'IN', ko: 'KR', lb: 'LU',
  lo: 'LA', lt: 'LT', lv: 'LV', mk: 'MK', ml: 'IN', mn: 'MN', mr: 'IN', ms: 'MY', mt: 'MT', my: 'MM',
  nb: 'NO', ne: 'NP', nl: 'NL', nn: 'NO', no: 'NO', pa: 'IN', pl: 'PL', ps: 'AF', pt: 'BR', ro: 'RO',
  ru: 'RU', si: 'LK', sk: 'SK', sl: 'SI', sq: 'AL', sr: 'RS', sv: 'SE', sw: 'KE', ta: 'IN', te: 'IN',
  th: 'TH', tr: 'TR', uk: 'UA', ur: 'PK', uz: 'UZ', vi: 'VN', zh: 'CN', zu: 'ZA',
};

const scriptRegion: Record<string, string> = { 'zh-hant': 'TW', 'zh-hans': 'CN', 'sr-latn': 'RS', 'sr-cyrl': 'RS' };

/** Languages written right to left, and those whose text Word treats as East Asian. */
const rtlLanguages = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'syr', 'ug', 'ku', 'sd']);
const eastAsianLanguages = new Set(['zh', 'ja', 'ko']);

export interface WordLanguage {
  /** `w:lang/@w:val`: the language of Latin and other "simple" script text. */
  tag: string;
  /** `w:lang/@w:eastAsia`, for Chinese, Japanese and Korean documents. */
  eastAsia?: string;
  /** `w:lang/@w:bidi`, for right-to-left languages. */
  bidi?: string;
}

/** `fr` → `fr-FR`, `en-GB` → `en-GB`, `zh-Hant` → `zh-TW`; anything unrecognized is kept as written. */
export function wordLanguageTag(lang: string): string {
  const parts = lang.trim().split(/[-_]/).filter(Boolean);
  const primary = (parts[0] ?? '').toLowerCase();
  if (!/^[a-z]{2,3}$/.test(primary)) return lang.trim() || 'en-US';
  const region = parts.slice(1).find((part) => /^(?:[a-z]{2}|\d{3})$/i.test(part));
  if (region) return `${primary}-${region.toUpperCase()}`;
  const script = parts.slice(1).find((part) => /^[a-z]{4}$/i.test(part));
  const byScript = script ? scriptRegion[`${primary}-${script.toLowerCase()}`] : undefined;
  const likely = byScript ?? (Object.hasOwn(likelyRegion, primary) ? likelyRegion[primary] : undefined);
  return likely ? `${primary}-${likely}` : primary;
}

export function wordLanguage(lang: string): WordLanguage {
  const tag = wordLanguageTag(lang);
  const primary = tag.split('-')[0] ?? '';
  const result: WordLanguage = { tag };
  if (eastAsianLanguages.has(primary)) result.eastAsia = tag;
  if (rtlLanguages.has(primary)) result.bidi = tag;
  return result;
}
