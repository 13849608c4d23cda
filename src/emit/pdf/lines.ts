// Line breaking: inlines → lines of positioned runs, with injected metrics.
//
// The inlines are cut into measured segments at the Unicode line breaking
// algorithm's opportunities (segments.ts). Lines are filled greedily; a
// justified line may take a word more by narrowing its spaces a little, a
// loose one may take the head of the next word (cuts.ts), and each line is
// placed and turned into paint operations (line-box.ts).
import type { Hyphenator } from './hyphenate.js';
import { cutSegment, cutUrlIfLoose, hyphenateIfLoose } from './cuts.js';
import { epsilon, placeLine, type Line } from './line-box.js';
import type { Align, Inline, Metrics } from './model.js';
import { prepare, type PrepareOptions, type Prepared, type Segment } from './segments.js';

export interface BreakOptions {
  /** Absolute x of the lines' left edge. */
  x: number;
  /** Width available for every line (at least one character is put on each line). */
  width: number;
  align: Align;
  /** Extra indent of the first line. */
  indent?: number;
  /** Hyphenation points of words (justified text): a loose line takes the head of its next word. */
  hyphenate?: Hyphenator;
}

/** Breaks prepared inlines into lines of `width` points. */
export function breakLines(prepared: Prepared, options: BreakOptions, metrics: Metrics): Line[] {
  const width = Math.max(options.width, 1);
  const indent = Math.min(Math.max(options.indent ?? 0, 0), width / 2);
  const lines: Line[] = [];
  let current: Segment[] = [];
  let currentWidth = 0;
  const availableFor = (index: number) => width - (index === 0 ? indent : 0);
  const finish = (last: boolean, required: boolean) => {
    lines.push(placeLine(current, currentWidth, lines.length === 0 ? indent : 0, availableFor(lines.length), last, required, prepared, options, metrics));
    current = [];
    currentWidth = 0;
  };
  const segments = prepared.segments;
  const justify = options.align === 'justify';
  // Lines in a row that end with a hyphen (no more than two).
  let hyphenated = 0;
  for (let index = 0; index < segments.length; index++) {
    let segment = segments[index] as Segment;
    for (;;) {
      const available = availableFor(lines.length);
      const previous = current.at(-1);
      const joined = previous ? currentWidth + previous.space.width + segment.width : segment.width;
      const needed = joined + (segment.hyphen && !segment.required ? segment.hyphen.width : 0);
      // Justified lines may take a word more by narrowing their spaces a little (as TeX's shrinkable glue).
      const shrinkable = justify && previous ? shrinkOf(current) + previous.space.width * shrink : 0;
      if (previous && needed > available + epsilon + shrinkable) {
        const parts =
          (options.hyphenate && hyphenated < 2 && index < segments.length - 1 ? hyphenateIfLoose(current, currentWidth, segment, available, options.hyphenate, metrics) : undefined) ??
          (justify ? cutUrlIfLoose(current, currentWidth, segment, available, metrics) : undefined);
        if (parts) {
          current.push(parts[0]);
          currentWidth += previous.space.width + parts[0].width;
          finish(false, false);
          hyphenated = parts[0].hyphen ? hyphenated + 1 : 0;
          segment = parts[1];
          continue;
        }
        hyphenated = previous.hyphen && !previous.required ? hyphenated + 1 : 0;
        finish(false, false);
        continue;
      }
      if (!previous && segment.width > available + epsilon) {
        const parts = cutSegment(segment, available, metrics);
        if (parts) {
          current.push(parts[0]);
          currentWidth = parts[0].width;
          finish(false, false);
          segment = parts[1];
          continue;
        }
      }
      current.push(segment);
      currentWidth = joined;
      if (segment.required) finish(false, true);
      break;
    }
  }
  if (current.length > 0) finish(true, false);
  return lines;
}

/** How much of its width a space may lose in a justified line. */
const shrink = 0.2;

/** The width the spaces between the segments of a line may lose. */
function shrinkOf(segments: readonly Segment[]): number {
  let total = 0;
  for (let i = 0; i < segments.length - 1; i++) total += (segments[i] as Segment).space.width * shrink;
  return total;
}

/** Prepares and breaks in one go. */
export function layoutInlines(inlines: readonly Inline[], options: PrepareOptions & BreakOptions, metrics: Metrics): Line[] {
  return breakLines(prepare(inlines, options, metrics), options, metrics);
}
