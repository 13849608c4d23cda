// Layout: blocks → a vertical list of boxes and glue → pages.
//
// The flow turns each block into boxes (a line, a table row, an image, a
// padding strip) and glue (the space between blocks, dropped at a page
// break), the way TeX builds a vertical list. Containers add their
// decorations (a quote's bar, a code block's background) to every box and
// glue inside them, so a quote split over two pages keeps its bar on both.
// The paginator then fills pages: it honours forced breaks and
// keep-with-next, splits a box that is taller than a page when the box can
// be split (table rows), and repeats a table's header row on each page.
// Everything is measured through the injected `Metrics`.
import { breakLines, layoutInlines, prepare } from './lines.js';
import type { Block, ContainerBlock, ImageBlock, Inline, Metrics, Op, Page, ParagraphBlock, Placed, TableBlock } from './model.js';
import { shift } from './ops.js';
import { layoutTable } from './table.js';

export { shift };

export interface VBox {
  kind: 'box';
  height: number;
  /** Operations with absolute x and y relative to the box's top. */
  ops: Op[];
  /** No page break between this box and the next box. */
  keepWithNext?: boolean;
  /** Boxes repeated at the top of a page that starts with this box (table header rows). */
  header?: VBox[];
  /** Splits a box taller than `available` into a head that fits and the rest. */
  split?: (available: number) => [VBox, VBox] | undefined;
}

export interface VGlue {
  kind: 'glue';
  height: number;
  ops: Op[];
}

export interface VBreak {
  kind: 'break';
}

export type VItem = VBox | VGlue | VBreak;

export interface PageGeometry {
  width: number;
  height: number;
  margins: { top: number; right: number; bottom: number; left: number };
}

type Decoration = (height: number) => Op[];

/** Builds the vertical list of `blocks` for a text column at `x` of `width` points. */
export class Flow {
  readonly items: VItem[] = [];
  private pending = 0;
  private suppressSpaceBefore = false;
  private readonly decorations: Decoration[] = [];
  private marker: { inlines: Inline[]; right: number } | undefined;

  constructor(
    private readonly metrics: Metrics,
    /** Height of the page's text area: images are scaled to fit it. */
    private readonly maxHeight: number,
  ) {}

  blocks(blocks: readonly Block[], x: number, width: number): void {
    for (const block of blocks) this.block(block, x, width);
  }

  block(block: Block, x: number, width: number): void {
    switch (block.kind) {
      case 'paragraph':
        return this.paragraph(block, x, width);
      case 'container':
        return this.container(block, x, width);
      case 'image':
        return this.image(block, x, width);
      case 'rule': {
        this.spaceBefore(block.spaceBefore);
        const h = Math.max(block.thickness, 0.1);
        this.box(h, [{ op: 'line', x1: x, y1: h / 2, x2: x + width, y2: h / 2, width: h, color: block.color }], block.id);
        this.pending = block.spaceAfter;
        return;
      }
      case 'table':
        return this.table(block, x, width);
      case 'pageBreak':
        this.marker = undefined;
        this.items.push({ kind: 'break' });
        this.pending = 0;
        this.suppressSpaceBefore = true;
        return;
    }
  }

  private spaceBefore(space: number): void {
    if (!this.suppressSpaceBefore) this.pending = Math.max(this.pending, space);
    this.suppressSpaceBefore = false;
    this.flushSpace();
  }

  private flushSpace(): void {
    const height = this.pending;
    this.pending = 0;
    if (height <= 0 || this.items.length === 0) return;
    const last = this.items.at(-1) as VItem;
    if (last.kind === 'break') return;
    this.items.push({ kind: 'glue', height, ops: this.decorate(height) });
  }

  private decorate(height: number): Op[] {
    const ops: Op[] = [];
    for (const decoration of this.decorations) ops.push(...decoration(height));
    return ops;
  }

  /** Adds a box with the current decorations (and a pending list label on its first baseline). */
  private box(height: number, ops: Op[], id?: string, options: { baseline?: number; keepWithNext?: boolean } = {}): VBox {
    const all = this.decorate(height);
    if (this.marker) {
      const { inlines, right } = this.marker;
      this.marker = undefined;
      const markerLines = layoutInlines(inlines, { whiteSpace: 'normal', lineHeight: 1.2, strut: strutOf(inlines), x: 0, width: 1e6, align: 'left' }, this.metrics);
      const first = markerLines[0];
      if (first) {
        const baseline = options.baseline ?? first.baseline;
        all.push(...shift(first.ops, right - first.width, baseline - first.baseline));
      }
    }
    if (id) all.push({ op: 'dest', name: id, y: 0 });
    all.push(...ops);
    const box: VBox = { kind: 'box', height, ops: all };
    if (options.keepWithNext) box.keepWithNext = true;
    this.items.push(box);
    return box;
  }

  private paragraph(block: ParagraphBlock, x: number, width: number): void {
    this.spaceBefore(block.spaceBefore);
    const lines = layoutInlines(block.inlines, { whiteSpace: block.whiteSpace, lineHeight: block.lineHeight, strut: block.style, x, width, align: block.align }, this.metrics);
    lines.forEach((line, index) => {
      const ops = line.ops;
      for (const anchor of line.anchors) ops.push({ op: 'dest', name: anchor, y: 0 });
      this.box(line.height, ops, index === 0 ? block.id : undefined, { baseline: line.baseline, keepWithNext: block.keepWithNext });
    });
    if (lines.length === 0 && block.id) this.box(0, [], block.id, { keepWithNext: block.keepWithNext });
    this.pending = block.spaceAfter;
  }

  private container(block: ContainerBlock, x: number, width: number): void {
    this.spaceBefore(Math.max(block.spaceBefore, firstSpaceBefore(block.children)));
    this.suppressSpaceBefore = true;
    const indent = Math.min(Math.max(block.indent, 0), width * 0.5);
    let innerX = x + indent;
    let innerWidth = width - indent;
    if (block.bar) {
      const bar = block.bar;
      this.decorations.push((height) => [{ op: 'rect', x, y: 0, w: bar.width, h: height, fill: bar.color }]);
    }
    const background = block.background;
    if (background) {
      const padding = Math.min(background.padding, innerWidth / 4);
      const fillX = innerX;
      const fillWidth = innerWidth;
      const fill: Decoration = (height) => [{ op: 'rect', x: fillX, y: 0, w: fillWidth, h: height, fill: background.color }];
      this.box(padding, fill(padding), block.id, { keepWithNext: true });
      this.decorations.push(fill);
      innerX += padding;
      innerWidth -= 2 * padding;
    } else if (block.id) this.box(0, [], block.id, { keepWithNext: true });
    if (block.marker) this.marker = { inlines: block.marker, right: x + indent - Math.min(6, indent / 3) };
    const start = this.items.length;
    this.blocks(block.children, innerX, Math.max(innerWidth, 1));
    this.suppressSpaceBefore = false;
    if (background) {
      const fill = this.decorations.pop() as Decoration;
      const padding = Math.min(background.padding, width / 4);
      this.pending = 0;
      const last = this.items.at(-1);
      if (last?.kind === 'box' && this.items.length > start) last.keepWithNext = true;
      this.box(padding, fill(padding));
    }
    if (block.bar) this.decorations.pop();
    // An item without content still shows its label.
    if (this.marker) this.box(0, []);
    this.pending = Math.max(this.pending, block.spaceAfter);
  }

  private image(block: ImageBlock, x: number, width: number): void {
    this.spaceBefore(block.spaceBefore);
    let w = Math.max(block.width, 1);
    let h = Math.max(block.height, 1);
    const ratio = h / w;
    if (w > width) {
      w = width;
      h = w * ratio;
    }
    const maxHeight = this.maxHeight * 0.95;
    if (h > maxHeight) {
      h = maxHeight;
      w = h / ratio;
    }
    const left = x + (width - w) / 2;
    const ops: Op[] = [{ op: 'object', content: block.content, x: left, y: 0, w, h, alt: block.alt }];
    if (block.link) ops.push({ op: 'link', x: left, y: 0, w, h, target: block.link });
    this.box(h, ops, block.id, { keepWithNext: block.keepWithNext });
    this.pending = block.spaceAfter;
  }

  private table(block: TableBlock, x: number, width: number): void {
    this.spaceBefore(block.spaceBefore);
    const { header, rows } = layoutTable(block, x, width, this.metrics);
    let headerBoxes: VBox[] = [];
    // Captured now: rows split later, while pages are filled, keep the decorations of their place.
    const decorations = [...this.decorations];
    const decorate = (box: VBox): VBox => {
      const decorated: VBox = { ...box, ops: [...decorations.flatMap((decoration) => decoration(box.height)), ...box.ops] };
      if (headerBoxes.length > 0) decorated.header = headerBoxes;
      const split = box.split;
      if (split) decorated.split = (available) => split(available)?.map(decorate) as [VBox, VBox] | undefined;
      return decorated;
    };
    headerBoxes = header.map((box) => ({ ...decorate(box), keepWithNext: true }));
    headerBoxes.forEach((box, index) => {
      if (index === 0 && block.id) box.ops.push({ op: 'dest', name: block.id, y: 0 });
      if (index === 0 && this.marker) this.box(0, []);
      this.items.push(box);
    });
    for (const row of rows) this.items.push(decorate(row));
    this.pending = block.spaceAfter;
  }
}

function firstSpaceBefore(blocks: readonly Block[]): number {
  const first = blocks[0];
  if (!first) return 0;
  return first.kind === 'container' ? Math.max(first.spaceBefore, firstSpaceBefore(first.children)) : first.spaceBefore;
}

function strutOf(inlines: readonly Inline[]) {
  for (const inline of inlines) if (inline.kind === 'text' || inline.kind === 'object') return inline.style;
  return { font: 'serif' as const, bold: false, italic: false, size: 10, color: '#000000' };
}

/**
 * Fills pages of `height` points with the vertical list. Never loops: every
 * step places an item, or starts a new page after a page that holds one.
 */
export function paginate(items: readonly VItem[], height: number): Placed[][] {
  const pages: Placed[][] = [[]];
  let page = pages[0] as Placed[];
  let y = 0;
  const queue = [...items];
  const newPage = (next: VItem | undefined) => {
    page = [];
    pages.push(page);
    y = 0;
    if (next?.kind === 'box' && next.header) {
      for (const box of next.header) {
        page.push({ y, ops: box.ops });
        y += box.height;
      }
    }
  };
  const chainHeight = (start: number): number => {
    // A box that keeps with the next: the height up to and including the first box that does not.
    let total = 0;
    for (let i = start; i < queue.length; i++) {
      const item = queue[i] as VItem;
      if (item.kind === 'break') break;
      total += item.height;
      if (item.kind === 'box' && !item.keepWithNext) break;
    }
    return total;
  };
  for (let index = 0; index < queue.length; index++) {
    const item = queue[index] as VItem;
    if (item.kind === 'break') {
      if (page.length > 0) newPage(undefined);
      continue;
    }
    if (item.kind === 'glue') {
      if (page.length === 0) continue;
      if (y + item.height > height) {
        newPage(queue[index + 1]);
        continue;
      }
      page.push({ y, ops: item.ops });
      y += item.height;
      continue;
    }
    const empty = page.length === 0 || pageHoldsOnlyHeader(page, item);
    let needed = item.height;
    if (item.keepWithNext) {
      const chain = chainHeight(index);
      if (chain <= height) needed = chain;
    }
    if (!empty && y + needed > height) {
      // A tall splittable box (a long table row) starts here rather than leaving a gap.
      const splitHere = item.split && item.height > height / 2 && height - y >= height / 5;
      if (!splitHere) newPage(item);
    }
    if (y + item.height > height && item.split) {
      const parts = item.split(height - y);
      if (parts) {
        page.push({ y, ops: parts[0].ops });
        y += parts[0].height;
        queue[index] = parts[1];
        index--;
        newPage(parts[1]);
        continue;
      }
    }
    page.push({ y, ops: item.ops });
    y += item.height;
  }
  if (pages.length > 1 && (pages.at(-1) as Placed[]).length === 0) pages.pop();
  return pages;
}

/** Whether the page holds nothing but the header rows repeated for `item`. */
function pageHoldsOnlyHeader(page: readonly Placed[], item: VBox): boolean {
  const header = item.header;
  if (!header || page.length !== header.length) return false;
  return header.every((box, index) => (page[index] as Placed).ops === box.ops);
}

export interface LayoutOptions {
  geometry: PageGeometry;
  metrics: Metrics;
  /** Inlines of the footer of page `n` (its number), or undefined for none. */
  footer?: (page: number) => Inline[] | undefined;
}

/** Blocks → pages of placed operations, with absolute coordinates (top-left origin, points). */
export function layoutDocument(blocks: readonly Block[], options: LayoutOptions): Page[] {
  const { geometry, metrics } = options;
  const { margins } = geometry;
  const width = Math.max(geometry.width - margins.left - margins.right, 10);
  const height = Math.max(geometry.height - margins.top - margins.bottom, 10);
  const flow = new Flow(metrics, height);
  flow.blocks(blocks, margins.left, width);
  const pages = paginate(flow.items, height);
  return pages.map((placed, index) => {
    const items: Placed[] = placed.map((item) => ({ y: item.y + margins.top, ops: item.ops }));
    const footer = options.footer?.(index + 1);
    if (footer) {
      const strut = strutOf(footer);
      const lines = layoutInlines(footer, { whiteSpace: 'normal', lineHeight: 1.2, strut, x: margins.left, width, align: 'center' }, metrics);
      const line = lines[0];
      if (line) {
        const baselineY = geometry.height - Math.min(margins.bottom / 2, 36) + strut.size * 0.35;
        items.push({ y: baselineY - line.baseline, ops: line.ops });
      }
    }
    return { number: index + 1, items };
  });
}

export { breakLines, prepare };
