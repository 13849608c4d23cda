// Page numbers as the document's language writes them, in its numerals
// ("Page 3 of 12", "٣"), and the labels they go in. Dates: ../locale.ts.
import { localeOf } from '../locale.js';

/** Languages whose default numerals are not the Western digits (ICU's defaults). */
const nativeDigits = new Set(['ar', 'as', 'bn', 'ckb', 'dz', 'fa', 'mr', 'my', 'ne', 'ps', 'sat', 'ur']);

/** Whole numbers in the language's numerals, without grouping (page numbers). */
export function numberFormatter(lang: string): (value: number) => string {
  // Western digits need no Intl object (whose first creation loads locale data: ~10 ms).
  if (!nativeDigits.has((lang.split('-')[0] ?? '').toLowerCase()) && !/-u-.*nu-/i.test(lang)) return String;
  const format = new Intl.NumberFormat(localeOf(lang), { useGrouping: false, maximumFractionDigits: 0 });
  return (value) => format.format(value);
}

/** A label template with `{name}` placeholders filled in. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? (values[name] as string) : whole));
}
