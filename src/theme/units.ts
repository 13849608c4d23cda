// Length units, converted in one place. The theme and the layout options are
// in points (1/72 in); each format converts at its edge: DOCX wants twips,
// half-points and EMUs (integers), HTML wants pt or px, PDF wants pt.

export const pointsPerInch = 72;
export const pixelsPerInch = 96;
export const millimetresPerInch = 25.4;
/** A twip is a twentieth of a point (DOCX page, spacing and indent sizes). */
export const twipsPerPoint = 20;
/** English Metric Units (DOCX drawing sizes). */
export const emusPerPoint = 12_700;

export const ptToPx = (pt: number): number => (pt * pixelsPerInch) / pointsPerInch;
export const pxToPt = (px: number): number => (px * pointsPerInch) / pixelsPerInch;
export const inToPt = (inches: number): number => inches * pointsPerInch;
export const ptToIn = (pt: number): number => pt / pointsPerInch;
export const mmToPt = (mm: number): number => (mm / millimetresPerInch) * pointsPerInch;
export const ptToMm = (pt: number): number => (pt / pointsPerInch) * millimetresPerInch;
export const cmToPt = (cm: number): number => mmToPt(cm * 10);
export const ptToCm = (pt: number): number => ptToMm(pt) / 10;

// OOXML stores these as integers, so the conversions to them round.
export const ptToTwip = (pt: number): number => Math.round(pt * twipsPerPoint);
export const twipToPt = (twip: number): number => twip / twipsPerPoint;
export const ptToHalfPoint = (pt: number): number => Math.round(pt * 2);
export const halfPointToPt = (halfPoints: number): number => halfPoints / 2;
export const ptToEmu = (pt: number): number => Math.round(pt * emusPerPoint);
export const emuToPt = (emu: number): number => emu / emusPerPoint;
export const pxToEmu = (px: number): number => ptToEmu(pxToPt(px));

const pointsPer: Record<string, number> = {
  pt: 1,
  px: pointsPerInch / pixelsPerInch,
  in: pointsPerInch,
  cm: mmToPt(10),
  mm: mmToPt(1),
  pc: 12,
};

export class LengthError extends Error {
  constructor(readonly value: unknown) {
    super(
      `invalid length ${JSON.stringify(value)}: expected a number of points or a number with a unit ` +
        `(pt, px, cm, mm, in, pc), such as "2cm", "1in" or "72pt"`,
    );
    this.name = 'LengthError';
  }
}

const lengthPattern = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(pt|px|cm|mm|in|pc)?\s*$/i;

/**
 * A length as written in front matter or config ("2cm", "1in", "72pt",
 * "20mm", a bare number of points) → points. Negative, non-finite or
 * unit-less-but-unknown values throw a LengthError that names the value.
 */
export function parseLength(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new LengthError(value);
    return value;
  }
  if (typeof value !== 'string') throw new LengthError(value);
  const match = lengthPattern.exec(value);
  if (!match) throw new LengthError(value);
  const amount = Number(match[1]);
  const unit = (match[2] ?? 'pt').toLowerCase();
  return amount * (pointsPer[unit] as number);
}

export interface PaperSize {
  /** Width in points, portrait. */
  width: number;
  /** Height in points, portrait. */
  height: number;
}

const mm = (width: number, height: number): PaperSize => ({ width: mmToPt(width), height: mmToPt(height) });

/** Paper sizes by lower-case name, portrait, in points. */
export const paperSizes = {
  a3: mm(297, 420),
  a4: mm(210, 297),
  a5: mm(148, 210),
  b5: mm(176, 250),
  letter: { width: 612, height: 792 },
  legal: { width: 612, height: 1008 },
  tabloid: { width: 792, height: 1224 },
} satisfies Record<string, PaperSize>;

export type PaperName = keyof typeof paperSizes;

/** The size for a paper name ("A4", "letter"…), or undefined when unknown. */
export function paperSize(name: string): PaperSize | undefined {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(paperSizes, key) ? paperSizes[key as PaperName] : undefined;
}
