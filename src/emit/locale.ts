// The document's language as Intl takes it, and a front matter date written
// out in it: 2026-11-29 becomes "29 November 2026", "29 novembre 2026" or
// "29. November 2026", the same in the PDF, the Word file and the web page.
// An unknown or malformed language tag falls back to English.

/** The canonical locale of a BCP 47 tag, or English when Intl does not accept it. */
export function localeOf(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** A real ISO date (`2026-11-29`, `2026-11`) as its parts, or undefined for any other text. */
export function isoDate(value: string): { iso: string; when: Date; day: boolean } | undefined {
  const iso = value.trim();
  const parts = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!parts) return undefined;
  const monthIndex = Number(parts[2]) - 1;
  const date = Number(parts[3] ?? 1);
  const when = new Date(Date.UTC(Number(parts[1]), monthIndex, date));
  if (when.getUTCMonth() !== monthIndex || when.getUTCDate() !== date) return undefined;
  return { iso, when, day: parts[3] !== undefined };
}

/** An ISO date written out in the language; other text as it is. */
export function formatDate(value: string, lang: string): string {
  const date = isoDate(value);
  if (!date) return value;
  const options: Intl.DateTimeFormatOptions = date.day
    ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(localeOf(lang), options).format(date.when);
}
