// Numbers and dates as the document's language writes them: page numbers
// in its numerals ("Page 3 of 12", "٣"), a front matter date such as
// 2026-11-29 as "29 November 2026" or "29 novembre 2026". An unknown or
// malformed language tag falls back to English.

function locale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** Languages whose default numerals are not the Western digits (ICU's defaults). */
const nativeDigits = new Set(['ar', 'as', 'bn', 'ckb', 'dz', 'fa', 'mr', 'my', 'ne', 'ps', 'sat', 'ur']);

/** Whole numbers in the language's numerals, without grouping (page numbers). */
export function numberFormatter(lang: string): (value: number) => string {
  // Western digits need no Intl object (whose first creation loads locale data: ~10 ms).
  if (!nativeDigits.has((lang.split('-')[0] ?? '').toLowerCase()) && !/-u-.*nu-/i.test(lang)) return String;
  const format = new Intl.NumberFormat(locale(lang), { useGrouping: false, maximumFractionDigits: 0 });
  return (value) => format.format(value);
}

/** An ISO date (`2026-11-29`, `2026-11`) written out in the language; other text as it is. */
export function formatDate(value: string, lang: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const month = /^(\d{4})-(\d{2})$/.exec(value.trim());
  const parts = day ?? month;
  if (!parts) return value;
  const year = Number(parts[1]);
  const monthIndex = Number(parts[2]) - 1;
  const date = Number(day ? parts[3] : 1);
  const when = new Date(Date.UTC(year, monthIndex, date));
  if (when.getUTCMonth() !== monthIndex || when.getUTCDate() !== date) return value;
  const options: Intl.DateTimeFormatOptions = day ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale(lang), options).format(when);
}

/** A label template with `{name}` placeholders filled in. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? (values[name] as string) : whole));
}
