// Units and lengths: every format converts through these.
import { describe, expect, it } from 'vitest';
import {
  cmToPt, emuToPt, halfPointToPt, inToPt, LengthError, mmToPt, paperSize, parseLength, ptToCm, ptToEmu,
  ptToHalfPoint, ptToIn, ptToMm, ptToPx, ptToTwip, pxToEmu, pxToPt, twipToPt,
} from '../../src/theme/units.js';

describe('parseLength', () => {
  it('converts lengths with units to points', () => {
    expect(parseLength('72pt')).toBe(72);
    expect(parseLength('1in')).toBe(72);
    expect(parseLength('2.54cm')).toBeCloseTo(72, 10);
    expect(parseLength('2cm')).toBeCloseTo(56.6929, 4);
    expect(parseLength('20mm')).toBeCloseTo(56.6929, 4);
    expect(parseLength('96px')).toBe(72);
    expect(parseLength('1.5pc')).toBe(18);
    expect(parseLength(' 3 CM ')).toBeCloseTo(85.0394, 4);
    expect(parseLength('.5in')).toBe(36);
  });

  it('takes bare numbers as points', () => {
    expect(parseLength(12)).toBe(12);
    expect(parseLength('12')).toBe(12);
    expect(parseLength(0)).toBe(0);
  });

  it('throws a clear error for anything else', () => {
    for (const bad of ['', 'abc', '2em', '2 c m', '-1cm', '1cm 2cm', '1,5cm', 'Infinity', -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => parseLength(bad), String(bad)).toThrow(LengthError);
    }
    expect(() => parseLength('wide')).toThrow('invalid length "wide": expected a number of points or a number with a unit (pt, px, cm, mm, in, pc), such as "2cm", "1in" or "72pt"');
  });
});

describe('conversions', () => {
  it('go between points and the units each format uses', () => {
    expect(ptToTwip(1)).toBe(20);
    expect(ptToTwip(56.6929)).toBe(1134);
    expect(twipToPt(1440)).toBe(72);
    expect(ptToHalfPoint(11)).toBe(22);
    expect(ptToHalfPoint(10.5)).toBe(21);
    expect(halfPointToPt(21)).toBe(10.5);
    expect(ptToEmu(1)).toBe(12700);
    expect(emuToPt(914400)).toBe(72);
    expect(pxToEmu(96)).toBe(914400);
    expect(pxToPt(96)).toBe(72);
    expect(ptToPx(72)).toBe(96);
    expect(inToPt(1)).toBe(72);
    expect(ptToIn(36)).toBe(0.5);
    expect(mmToPt(25.4)).toBeCloseTo(72, 10);
    expect(ptToMm(72)).toBeCloseTo(25.4, 10);
    expect(cmToPt(1)).toBeCloseTo(28.3465, 4);
    expect(ptToCm(72)).toBeCloseTo(2.54, 10);
  });

  it('rounds only where OOXML needs integers', () => {
    expect(Number.isInteger(ptToTwip(10.33))).toBe(true);
    expect(Number.isInteger(ptToEmu(0.333))).toBe(true);
    expect(pxToPt(1)).toBe(0.75);
  });
});

describe('paper sizes', () => {
  it('are in points, portrait, by case-insensitive name', () => {
    expect(paperSize('A4')?.width).toBeCloseTo(595.2756, 4);
    expect(paperSize('a4')?.height).toBeCloseTo(841.8898, 4);
    expect(paperSize('a5')?.width).toBeCloseTo(419.5276, 4);
    expect(paperSize('Letter')).toEqual({ width: 612, height: 792 });
    expect(paperSize('legal')).toEqual({ width: 612, height: 1008 });
    expect(paperSize('napkin')).toBeUndefined();
    expect(paperSize('constructor')).toBeUndefined();
  });
});
