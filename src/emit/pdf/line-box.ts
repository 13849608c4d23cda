// A line of segments placed: x positions (aligned or justified: ordinary
// spaces stretch, never no-break spaces), the height from its tallest piece,
// and the paint operations: one text operation with its runs, backgrounds,
// underlines and link rectangles merged across the spaces between pieces.
import type { BreakOptions } from './lines.js';
import type { LinkTarget, Metrics, Op, PaintRun } from './model.js';
import type { Anchor, Piece, Prepared, Segment } from './segments.js';

/** Widths closer than this are equal (floating point). */
export const epsilon = 0.001;

export interface Line {
  /** Natural width of the content. */
  width: number;
  height: number;
  /** Distance from the line's top to its baseline. */
  baseline: number;
  /** Operations with absolute x and y relative to the line's top. */
  ops: Op[];
  /** Destinations (anchors) on this line. */
  anchors: string[];
  /** Footnotes called on this line. */
  notes: string[];
}

interface Placement {
  piece: Piece;
  x: number;
  /** White space drawn after the piece (between words on the line). */
  after: string;
}

export function placeLine(
  segments: readonly Segment[],
  contentWidth: number,
  indent: number,
  available: number,
  last: boolean,
  required: boolean,
  prepared: Prepared,
  options: BreakOptions,
  metrics: Metrics,
): Line {
  const lastSegment = segments.at(-1);
  const hyphen = lastSegment?.hyphen && !last && !required ? lastSegment.hyphen : undefined;
  const width = contentWidth + (hyphen?.width ?? 0);
  let offset = 0;
  let stretch = 0;
  const slack = available - width;
  if (options.align === 'right') offset = Math.max(0, slack);
  else if (options.align === 'center') offset = Math.max(0, slack / 2);
  else if (options.align === 'justify' && ((!last && !required && slack > 0) || slack < 0)) {
    // Spaces stretch to fill the line, or shrink on a line that took a word more.
    let spaces = 0;
    for (let i = 0; i < segments.length - 1; i++) spaces += (segments[i] as Segment).space.count;
    if (spaces > 0) stretch = slack / spaces;
  }
  const placements: Placement[] = [];
  let x = options.x + indent + offset;
  const anchors: Anchor[] = [];
  segments.forEach((segment, index) => {
    anchors.push(...segment.anchors);
    segment.pieces.forEach((piece, pieceIndex) => {
      const between = index < segments.length - 1 && pieceIndex === segment.pieces.length - 1 ? segment.space.text : '';
      placements.push({ piece, x, after: between });
      x += piece.width;
    });
    if (index < segments.length - 1) {
      // White space after a segment without pieces (an anchor alone) still takes its room.
      x += segment.space.width + stretch * segment.space.count;
    }
  });
  if (hyphen) placements.push({ piece: hyphen, x, after: '' });
  return buildLine(placements, width, anchors, prepared, metrics);
}

interface Vertical {
  above: number;
  below: number;
}

function verticalOf(size: number, face: string, lineHeight: number, rise: number, metrics: Metrics): Vertical {
  const { ascent, descent } = metrics.vertical(face);
  const a = ascent * size;
  const d = descent * size;
  const half = (size * lineHeight - (a + d)) / 2;
  return { above: a + half + rise, below: d + half - rise };
}

function buildLine(placements: readonly Placement[], width: number, anchors: readonly Anchor[], prepared: Prepared, metrics: Metrics): Line {
  const strut = (prepared.strutVertical ??= verticalOf(prepared.strut.size, metrics.split(prepared.strut, 'x')[0]?.face ?? '', prepared.lineHeight, 0, metrics));
  let above = strut.above;
  let below = strut.below;
  for (const { piece } of placements) {
    const rise = piece.style.rise ?? 0;
    if (piece.kind === 'object') {
      above = Math.max(above, piece.height + rise);
      below = Math.max(below, -rise);
    } else {
      const v = verticalOf(piece.style.size, piece.face, prepared.lineHeight, rise, metrics);
      above = Math.max(above, v.above);
      below = Math.max(below, v.below);
    }
  }
  const baseline = above;
  const height = above + below;
  const backgrounds: Op[] = [];
  const decorations: Op[] = [];
  const objects: Op[] = [];
  const links: Op[] = [];
  // One text operation per line, its runs in reading order (raised runs included).
  const text: { op: 'text'; y: number; runs: PaintRun[] } = { op: 'text', y: baseline, runs: [] };
  let lastRun: PaintRun | undefined;

  // Rectangles that continue across the space between two pieces merge (the key of each list's last one is kept).
  const extend = (list: Op[], key: string, lastKey: string, rect: Op & { op: 'rect' | 'link' }): string => {
    const previous = list.at(-1) as (Op & { op: 'rect' | 'link' }) | undefined;
    if (previous && lastKey === key && Math.abs(previous.y - rect.y) < epsilon && rect.x - (previous.x + previous.w) < rect.h) {
      previous.w = rect.x + rect.w - previous.x;
      previous.h = Math.max(previous.h, rect.h);
      return key;
    }
    list.push(rect);
    return key;
  };
  let backgroundKey = '';
  let linkKeyLast = '';
  let lineKey = '';

  for (const { piece, x, after } of placements) {
    const style = piece.style;
    const rise = style.rise ?? 0;
    const y = baseline - rise;
    let top: number;
    let bottom: number;
    if (piece.kind === 'object') {
      top = y - piece.height;
      bottom = y;
      const object: Op = { op: 'object', content: piece.content, x, y: top, w: piece.width, h: piece.height, alt: piece.alt ?? '' };
      if (piece.role) object.role = piece.role;
      objects.push(object);
    } else {
      const { ascent, descent } = metrics.vertical(piece.face);
      top = y - ascent * style.size;
      bottom = y + descent * style.size;
      if (piece.text) {
        if (lastRun && (lastRun.rise ?? 0) === rise && lastRun.face === piece.face && lastRun.size === style.size && lastRun.color === style.color && lastRun.link === style.link) {
          lastRun.words.push({ text: piece.text + after, x });
        } else {
          lastRun = { face: piece.face, size: style.size, color: style.color, words: [{ text: piece.text + after, x }] };
          if (rise) lastRun.rise = rise;
          if (style.link) lastRun.link = style.link;
          text.runs.push(lastRun);
        }
      }
    }
    const pieceWidth = piece.width;
    if (style.background) {
      const pad = style.size * 0.12;
      backgroundKey = extend(backgrounds, style.background, backgroundKey, { op: 'rect', x: x - pad, y: top - pad * 0.5, w: pieceWidth + 2 * pad, h: bottom - top + pad, fill: style.background });
    } else {
      backgroundKey = ''; // `a`, `b`: two boxes, not one over the comma.
    }
    if (style.underline || style.strike) {
      const thickness = Math.max(0.4, style.size * 0.055);
      for (const kind of ['underline', 'strike'] as const) {
        if (!style[kind]) continue;
        const lineY = kind === 'underline' ? y + style.size * 0.12 : y - style.size * 0.28;
        const key = `${kind}:${style.color}:${lineY.toFixed(3)}`;
        const previous = decorations.at(-1) as (Op & { op: 'line' }) | undefined;
        if (previous && lineKey === key && x - previous.x2 < style.size) previous.x2 = x + pieceWidth;
        else {
          decorations.push({ op: 'line', x1: x, y1: lineY, x2: x + pieceWidth, y2: lineY, width: thickness, color: style.color });
          lineKey = key;
        }
      }
    } else {
      lineKey = '';
    }
    if (style.link) {
      linkKeyLast = extend(links, linkKey(style.link), linkKeyLast, { op: 'link', x, y: top, w: pieceWidth, h: bottom - top, target: style.link });
    } else {
      linkKeyLast = '';
    }
  }
  const ops: Op[] = [...backgrounds, ...(text.runs.length > 0 ? [text] : []), ...objects, ...decorations, ...links];
  const notes: string[] = [];
  for (const anchor of anchors) if (anchor.note) notes.push(anchor.note);
  return { width, height, baseline, ops, anchors: anchors.map((anchor) => anchor.id), notes };
}

function linkKey(target: LinkTarget): string {
  return 'url' in target ? `url:${target.url}` : `dest:${target.dest}`;
}
