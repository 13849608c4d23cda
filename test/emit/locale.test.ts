// Dates as the document's language writes them, shared by the PDF, DOCX and HTML title blocks.
import { describe, expect, it } from 'vitest';
import { formatDate, isoDate, localeOf } from '../../src/emit/locale.js';

describe('dates', () => {
  it('writes ISO dates out in the language, and other dates as they are', () => {
    expect(formatDate('2026-11-29', 'en-GB')).toBe('29 November 2026');
    expect(formatDate('2026-11-29', 'fr')).toBe('29 novembre 2026');
    expect(formatDate(' 2026-11 ', 'de')).toBe('November 2026');
    expect(formatDate('2026-11-29', 'not a tag')).toBe('November 29, 2026');
    expect(formatDate('Spring 2026', 'en')).toBe('Spring 2026');
    expect(formatDate('2026-02-31', 'en')).toBe('2026-02-31');
  });

  it('knows a real ISO date, for machine-readable markup', () => {
    expect(isoDate(' 2026-11-29 ')?.iso).toBe('2026-11-29');
    expect(isoDate('2026-11')?.day).toBe(false);
    expect(isoDate('2026-13-01')).toBeUndefined();
    expect(isoDate('29/11/2026')).toBeUndefined();
  });

  it('falls back to English for a tag Intl refuses', () => {
    expect(localeOf('fr-CA')).toBe('fr-CA');
    expect(localeOf('en_GB!')).toBe('en');
  });
});
