// Layout: blocks → a vertical list of boxes and glue → pages.
//
// The flow turns each block into boxes (a line, a table row, an image, a
// padding strip) and glue (the space between blocks, dropped at a page
// break), the way TeX builds a vertical list. Containers add their
// decorations (a quote's bar, a code block's background) to every box and
// glue inside them, so a quote split over two pages keeps its bar on both.
// Lines keep with the next one where a page break would leave a widow or an
// orphan (one line of a paragraph alone at the foot or the head of a page),
// headings with what follows, and each line's drawing operations are given
// to the structure element of their block. The paginator (paginate.ts)
// fills the pages, with the footnotes each page calls at its foot; page
// numbers of cross references (the contents) are filled in last.
// Everything is measured through the injected `Metrics`.
import type { Hyphenator } from './hyphenate.js';
import { breakLines, layoutInlines } from './lines.js';
import { prepare } from './segments.js';
import type { Block, ContainerBlock, ImageBlock, Inline, Metrics, Op, Page, PaintRun, ParagraphBlock, Placed, StructNode, TableBlock } from './model.js';
import { shift, tag } from './ops.js';
import { paginate, type PagePlan, type VBox, type VItem } from './paginate.js';
import { layoutTable } from './table.js';

export { shift };
export { paginate };
export type { VBox, VGlue, VItem } from './paginate.js';

export interface PageGeometry {
  width: number;
  height: number;
  margins: { top: number; right: number; bottom: number; left: number };
}

type Decoration = (height: number) => Op[];

export interface FlowOptions {
  /** Hyphenation for paragraphs that allow it. */
  hyphenate?: Hyphenator;
  /** Structure elements of the footnotes: each joins the element of the block that first calls it. */
  noteStructs?: ReadonlyMap<string, StructNode>;
}

/** Lines kept together at a page break: no widows or orphans. */
const orphans = 2;
const widows = 2;

/** Builds the vertical list of `blocks` for a text column at `x` of `width` points. */
export class Flow {
  readonly items: VItem[] = [];
  private pending = 0;
  private suppressSpaceBefore = false;
  private readonly decorations: Decoration[] = [];
  private marker: { inlines: Inline[]; right: number; struct?: StructNode } | undefined;

  constructor(
    private readonly metrics: Metrics,
    /** Height of the page's text area: images are scaled to fit it. */
    private readonly maxHeight: number,
    private readonly options: FlowOptions = {},
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
        // A rule is no content: a heading kept with it stays with what follows it.
        const previous = this.items.findLast((item) => item.kind !== 'glue');
        const keep = previous?.kind === 'box' && previous.keepWithNext === true;
        this.spaceBefore(block.spaceBefore);
        const h = Math.max(block.thickness, 0.1);
        this.box(h, [{ op: 'line', x1: x, y1: h / 2, x2: x + width, y2: h / 2, width: h, color: block.color }], block.id, { keepWithNext: keep });
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
  private box(height: number, ops: Op[], id?: string, options: { baseline?: number; keepWithNext?: boolean; notes?: string[] } = {}): VBox {
    // Most lines have nothing around them: their operations are the box's.
    const all = this.decorations.length === 0 && !this.marker && !id ? ops : this.decorate(height);
    if (all === ops) {
      const box: VBox = { kind: 'box', height, ops };
      if (options.keepWithNext) box.keepWithNext = true;
      if (options.notes && options.notes.length > 0) box.notes = options.notes;
      this.items.push(box);
      return box;
    }
    if (this.marker) {
      const { inlines, right, struct } = this.marker;
      this.marker = undefined;
      const markerLines = layoutInlines(inlines, { whiteSpace: 'normal', lineHeight: 1.2, strut: strutOf(inlines), x: 0, width: 1e6, align: 'left' }, this.metrics);
      const first = markerLines[0];
      if (first) {
        const baseline = options.baseline ?? first.baseline;
        const label = shift(first.ops, right - first.width, baseline - first.baseline);
        tag(label, struct);
        all.push(...label);
      }
    }
    if (id) all.push({ op: 'dest', name: id, y: 0 });
    all.push(...ops);
    const box: VBox = { kind: 'box', height, ops: all };
    if (options.keepWithNext) box.keepWithNext = true;
    if (options.notes && options.notes.length > 0) box.notes = options.notes;
    this.items.push(box);
    return box;
  }

  private paragraph(block: ParagraphBlock, x: number, width: number): void {
    this.spaceBefore(block.spaceBefore);
    const pageRef = block.pageRef;
    // Room for the page number of a contents entry: four digits.
    const reserve = pageRef ? this.metrics.width(this.metrics.split(pageRef.style, '0')[0]?.face ?? '', '0000', pageRef.style.size) + pageRef.style.size : 0;
    const lines = layoutInlines(
      block.inlines,
      {
        whiteSpace: block.whiteSpace,
        lineHeight: block.lineHeight,
        strut: block.style,
        x,
        width: Math.max(width - reserve, width / 2),
        align: block.align,
        ...(block.hyphenate && this.options.hyphenate ? { hyphenate: this.options.hyphenate } : {}),
      },
      this.metrics,
    );
    const count = lines.length;
    lines.forEach((line, index) => {
      const ops = line.ops;
      tag(ops, block.struct);
      for (const anchor of line.anchors) ops.push({ op: 'dest', name: anchor, y: 0 });
      if (line.notes.length > 0) this.attachNotes(line.notes, block.struct);
      if (pageRef && index === count - 1) {
        const gap = pageRef.style.size * 0.5;
        const op: Op = { op: 'pageRef', dest: pageRef.dest, y: line.baseline, left: x + line.width + gap, right: x + width, style: pageRef.style };
        if (pageRef.leader) op.leader = pageRef.leader;
        if (pageRef.link) op.link = pageRef.link;
        if (block.struct) op.tag = block.struct;
        ops.push(op);
      }
      // No orphan (first line alone at a page's foot) and no widow (last line alone at the head of the next).
      const keep = block.keepWithNext || (index < count - 1 && (index < orphans - 1 || index >= count - widows));
      this.box(line.height, ops, index === 0 ? block.id : undefined, { baseline: line.baseline, keepWithNext: keep, notes: line.notes });
    });
    if (lines.length === 0 && block.id) this.box(0, [], block.id, { keepWithNext: block.keepWithNext });
    this.pending = block.spaceAfter;
  }

  /** Footnotes join the structure element that first calls them. */
  private attachNotes(ids: readonly string[], parent: StructNode | undefined): void {
    if (!parent) return;
    for (const id of ids) {
      const note = this.options.noteStructs?.get(id);
      if (!note || note.parent) continue;
      note.parent = parent;
      parent.children.push(note);
    }
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
    if (block.marker) {
      this.marker = { inlines: block.marker, right: x + indent - Math.min(6, indent / 3) };
      if (block.markerStruct) this.marker.struct = block.markerStruct;
    }
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
    tag(ops, block.struct);
    this.box(h, ops, block.id, { keepWithNext: block.keepWithNext });
    this.pending = block.spaceAfter;
  }

  private table(block: TableBlock, x: number, width: number): void {
    this.spaceBefore(block.spaceBefore);
    const { header, rows } = layoutTable(block, x, width, this.metrics);
    for (const box of [...header, ...rows]) if (box.notes) this.attachNotes(box.notes, block.struct);
    let headerBoxes: VBox[] = [];
    // Captured now: rows split later, while pages are filled, keep the decorations of their place.
    const decorations = [...this.decorations];
    const decorate = (box: VBox): VBox => {
      const decorated: VBox = { ...box, ops: [...decorations.flatMap((decoration) => decoration(box.height)), ...box.ops] };
      if (headerBoxes.length > 0) decorated.header = headerBoxes;
      const split = box.split;
      if (split) decorated.split = (available, strict) => split(available, strict)?.map(decorate) as [VBox, VBox] | undefined;
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

export interface LayoutOptions {
  geometry: PageGeometry;
  metrics: Metrics;
  /** Footnotes by id: each is laid out at the foot of the page that first calls it. */
  notes?: ReadonlyMap<string, Block>;
  /** The rule above a page's footnotes. */
  noteRule?: { color: string; width: number };
  hyphenate?: Hyphenator;
  /** Page numbers as the reader sees them (the document's numerals). */
  formatNumber?: (page: number) => string;
}

/** Blocks → pages of placed operations, with absolute coordinates (top-left origin, points). */
export function layoutDocument(blocks: readonly Block[], options: LayoutOptions): Page[] {
  const { geometry, metrics } = options;
  const { margins } = geometry;
  const width = Math.max(geometry.width - margins.left - margins.right, 10);
  const height = Math.max(geometry.height - margins.top - margins.bottom, 10);
  const noteStructs = new Map<string, StructNode>();
  for (const [id, block] of options.notes ?? []) if (block.struct) noteStructs.set(id, block.struct);
  const flowOptions: FlowOptions = { noteStructs, ...(options.hyphenate ? { hyphenate: options.hyphenate } : {}) };
  const flow = new Flow(metrics, height, flowOptions);
  flow.blocks(blocks, margins.left, width);
  const noteItems = new Map<string, VItem[]>();
  for (const [id, block] of options.notes ?? []) {
    const noteFlow = new Flow(metrics, height, flowOptions);
    noteFlow.block(block, margins.left, width);
    noteItems.set(id, noteFlow.items);
  }
  const separator = noteItems.size > 0 ? separatorHeight(options.notes as ReadonlyMap<string, Block>) : 0;
  const plans = paginate(flow.items, height, { items: noteItems, separator, gap: separator / 6 });
  const pages = plans.map((plan, index) => compose(plan, index + 1, geometry, width, height, separator, options.noteRule));
  resolvePageRefs(pages, metrics, options.formatNumber ?? String);
  return pages;
}

/** Space above a page's footnotes: a short rule, a line's height apart from the text. */
function separatorHeight(notes: ReadonlyMap<string, Block>): number {
  const first = notes.values().next().value as Block | undefined;
  const size = first && first.kind === 'container' && first.children[0]?.kind === 'paragraph' ? first.children[0].style.size : 9;
  return Math.round(size * 1.6 * 10) / 10;
}

function compose(plan: PagePlan, number: number, geometry: PageGeometry, width: number, height: number, separator: number, rule: LayoutOptions['noteRule']): Page {
  const { margins } = geometry;
  const items: Placed[] = plan.body.map((item) => ({ y: item.y + margins.top, ops: item.ops }));
  if (plan.footHeight > 0) {
    const top = margins.top + height - plan.footHeight;
    const ruleY = separator * 0.45;
    items.push({ y: top, ops: [{ op: 'line', x1: margins.left, y1: ruleY, x2: margins.left + Math.min(width / 3, 144), y2: ruleY, width: rule?.width ?? 0.5, color: rule?.color ?? '#999999' }] });
    for (const item of plan.foot) items.push({ y: top + separator + item.y, ops: item.ops });
  }
  return { number, items };
}

/** Where each destination is: its page (1-based) and its y on the page. */
export function destinations(pages: readonly Page[]): Map<string, { page: number; y: number }> {
  const found = new Map<string, { page: number; y: number }>();
  for (const page of pages) {
    for (const item of page.items) {
      for (const op of item.ops) if (op.op === 'dest' && !found.has(op.name)) found.set(op.name, { page: page.number, y: item.y + op.y });
    }
  }
  return found;
}

/** Turns the page references of contents entries into text: a leader, then the number at the right. */
function resolvePageRefs(pages: Page[], metrics: Metrics, format: (page: number) => string): void {
  let where: Map<string, { page: number; y: number }> | undefined;
  for (const page of pages) {
    for (const item of page.items) {
      if (!item.ops.some((op) => op.op === 'pageRef')) continue;
      where ??= destinations(pages);
      item.ops = item.ops.flatMap((op) => (op.op === 'pageRef' ? pageRefText(op, where?.get(op.dest)?.page, metrics, format) : [op]));
    }
  }
}

function pageRefText(op: Extract<Op, { op: 'pageRef' }>, page: number | undefined, metrics: Metrics, format: (page: number) => string): Op[] {
  const runs: PaintRun[] = [];
  const style = op.style;
  const number = page === undefined ? '' : format(page);
  const face = (text: string) => metrics.split(style, text)[0]?.face ?? '';
  const numberWidth = number ? metrics.width(face(number), number, style.size) : 0;
  const numberX = op.right - numberWidth;
  const leader = op.leader;
  if (leader) {
    // Leader dots on a grid, so that they line up from one entry to the next.
    const dotFace = metrics.split(leader.style, leader.text)[0]?.face ?? '';
    const dotWidth = metrics.width(dotFace, leader.text, leader.style.size);
    const step = Math.max(leader.step, dotWidth * 1.5);
    const words: PaintRun['words'] = [];
    for (let x = Math.ceil(op.left / step) * step; x + dotWidth <= numberX - style.size * 0.4; x += step) words.push({ text: leader.text, x });
    if (words.length > 0) runs.push({ face: dotFace, size: leader.style.size, color: leader.style.color, words });
  }
  const ops: Op[] = [{ op: 'text', y: op.y, runs }];
  if (number) {
    const numberFace = face(number);
    const run: PaintRun = { face: numberFace, size: style.size, color: style.color, words: [{ text: number, x: numberX }] };
    if (op.tag) run.tag = op.tag;
    if (op.link) {
      run.link = op.link;
      const { ascent, descent } = metrics.vertical(numberFace);
      const link: Op = { op: 'link', x: numberX, y: op.y - ascent * style.size, w: numberWidth, h: (ascent + descent) * style.size, target: op.link };
      if (op.tag) link.tag = op.tag;
      ops.push(link);
    }
    runs.push(run);
  }
  return ops;
}

export { breakLines, prepare };
