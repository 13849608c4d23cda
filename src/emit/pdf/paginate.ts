// Page breaking: the vertical list (boxes and glue) → pages, with the
// footnotes of each page at its foot.
//
// Boxes are placed in order. A box that keeps with the next one (a heading,
// the first and the second-last line of a paragraph: no widows or orphans)
// starts a page only if the whole chain fits there. A box that calls
// footnotes brings their text onto its own page, under a separator; a note
// too long for what is left of the page continues at the foot of the next
// page. A box taller than a page is split when it can be (table rows), and
// the header rows of a table are repeated, as artifacts, on every page it
// continues on. Never loops: every step places an item, or starts a new
// page after a page that holds one.
import type { Op, Placed } from './model.js';
import { untag } from './ops.js';

export interface VBox {
  kind: 'box';
  height: number;
  /** Operations with absolute x and y relative to the box's top. */
  ops: Op[];
  /** No page break between this box and the next box. */
  keepWithNext?: boolean;
  /** Boxes repeated at the top of a page that starts with this box (table header rows). */
  header?: VBox[];
  /** Splits a box taller than `available` into a head that fits and the rest; `strict`: keep two lines of each cell together. */
  split?: (available: number, strict: boolean) => [VBox, VBox] | undefined;
  /** Footnotes called in the box (their text goes to the foot of the box's page). */
  notes?: string[];
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

export interface Footnotes {
  /** Each footnote's text as a vertical list, by id. */
  items: ReadonlyMap<string, readonly VItem[]>;
  /** Height of the separator (space and rule) above the notes of a page. */
  separator: number;
  /** Space between two notes. */
  gap: number;
}

export interface PagePlan {
  /** Body items, y from the top of the text area. */
  body: Placed[];
  /** Footnote items, y from the top of the footnote area (after the separator). */
  foot: Placed[];
  /** Height of the footnote area with its separator (0: no notes). */
  footHeight: number;
}

const none: Footnotes = { items: new Map(), separator: 0, gap: 0 };

/** Fills pages of `height` points with the vertical list and the footnotes it calls. */
export function paginate(items: readonly VItem[], height: number, footnotes: Footnotes = none): PagePlan[] {
  return new Paginator(height, footnotes).run(items);
}

class Paginator {
  private readonly pages: PagePlan[] = [];
  private page!: PagePlan;
  /** Height used by the body. */
  private y = 0;
  /** Height of the notes on this page (without the separator). */
  private foot = 0;
  /** Whether the body holds nothing but repeated header rows. */
  private headerOnly = false;
  /** Notes placed or waiting. */
  private readonly placed = new Set<string>();
  /** Note material that did not fit on its page: it continues at the foot of the next. */
  private carry: VItem[] = [];
  private readonly repeated = new WeakMap<VBox, Op[]>();

  constructor(
    private readonly height: number,
    private readonly footnotes: Footnotes,
  ) {}

  run(items: readonly VItem[]): PagePlan[] {
    this.start();
    const queue = [...items];
    for (let index = 0; index < queue.length; index++) {
      const item = queue[index] as VItem;
      if (item.kind === 'break') {
        if (this.page.body.length > 0) this.newPage(undefined, index < queue.length - 1);
        continue;
      }
      if (item.kind === 'glue') {
        if (this.page.body.length === 0 || this.headerOnly) continue;
        if (this.y + item.height > this.height - this.footUsed()) {
          this.newPage(queue[index + 1], true);
          continue;
        }
        this.page.body.push({ y: this.y, ops: item.ops });
        this.y += item.height;
        continue;
      }
      const empty = this.page.body.length === 0 || this.headerOnly;
      const notes = this.newNotes(item);
      let needed = item.height + this.notesHeight(notes);
      if (item.keepWithNext) {
        const chain = this.chainHeight(queue, index);
        if (chain <= this.height) needed = Math.max(needed, chain);
      }
      if (!empty && this.y + this.footUsed() + needed > this.height) {
        // A tall splittable box (a long table row) starts here rather than leaving a gap.
        const room = this.height - this.y - this.footUsed();
        const splitHere = item.split && item.height > this.height / 2 && room >= this.height / 5;
        if (!splitHere) this.newPage(item, true);
      }
      const room = this.height - this.y - this.footUsed() - (notes.length > 0 ? this.minimumNotes(notes) : 0);
      if (item.height > room && item.split) {
        const parts = item.split(room, !(this.page.body.length === 0 || this.headerOnly));
        if (parts) {
          this.placeBox({ ...parts[0], ...(item.notes ? { notes: item.notes } : {}) });
          queue[index] = { ...parts[1], notes: [] };
          index--;
          this.newPage(parts[1], true);
          continue;
        }
      }
      this.placeBox(item);
    }
    while (this.carry.length > 0) this.newPage(undefined, false);
    if (this.pages.length > 1) {
      const last = this.pages.at(-1) as PagePlan;
      if (last.body.length === 0 && last.foot.length === 0) this.pages.pop();
    }
    return this.pages;
  }

  private start(): void {
    this.page = { body: [], foot: [], footHeight: 0 };
    this.pages.push(this.page);
    this.y = 0;
    this.foot = 0;
    this.headerOnly = false;
  }

  private footUsed(): number {
    return this.foot > 0 ? this.foot + this.footnotes.separator : 0;
  }

  /** Starts a page: notes carried over first, then the header rows `next` repeats. */
  private newPage(next: VItem | undefined, moreBody: boolean): void {
    this.start();
    if (this.carry.length > 0) {
      const limit = moreBody ? this.height / 2 : this.height;
      this.carry = this.placeNotes(this.carry, limit - this.footnotes.separator, true);
    }
    if (next?.kind === 'box' && next.header) {
      for (const box of next.header) {
        let ops = this.repeated.get(box);
        if (!ops) {
          ops = untag(box.ops);
          this.repeated.set(box, ops);
        }
        this.page.body.push({ y: this.y, ops });
        this.y += box.height;
      }
      this.headerOnly = next.header.length > 0;
    }
  }

  private placeBox(box: VBox): void {
    this.page.body.push({ y: this.y, ops: box.ops });
    this.y += box.height;
    this.headerOnly = false;
    const notes = this.newNotes(box);
    if (notes.length === 0) return;
    for (const id of notes) this.placed.add(id);
    const material = this.material(notes);
    if (this.carry.length > 0) {
      // A longer note is still continuing: these follow it.
      this.carry.push(...material);
      return;
    }
    const available = this.height - this.y - this.footUsed() - (this.foot === 0 ? this.footnotes.separator : 0);
    this.carry = this.placeNotes(material, available, this.foot === 0);
  }

  /** Places note items up to `available` points (at least one box when `force`); returns the rest. */
  private placeNotes(material: readonly VItem[], available: number, force: boolean): VItem[] {
    let used = 0;
    let count = 0;
    let fitted = 0;
    for (let i = 0; i < material.length; i++) {
      const item = material[i] as VItem;
      if (item.kind === 'break') continue;
      if (used + item.height > available + 1e-6) break;
      used += item.height;
      count = i + 1;
      if (item.kind === 'box') fitted = count;
    }
    if (fitted === 0 && force) fitted = Math.max(1, material.findIndex((item) => item.kind === 'box') + 1);
    let y = this.foot;
    for (let i = 0; i < fitted; i++) {
      const item = material[i] as VItem;
      if (item.kind === 'break') continue;
      if (item.kind === 'glue' && (y === 0 || i === fitted - 1)) continue;
      this.page.foot.push({ y, ops: item.ops });
      y += item.height;
    }
    this.foot = y;
    this.page.footHeight = this.footUsed();
    const rest = material.slice(fitted);
    while (rest[0]?.kind === 'glue') rest.shift();
    return rest;
  }

  /** Footnotes a box calls that are not placed yet. */
  private newNotes(box: VBox): string[] {
    if (!box.notes || box.notes.length === 0) return [];
    return box.notes.filter((id) => this.footnotes.items.has(id) && !this.placed.has(id));
  }

  /** The items of notes, one after the other, with the notes they call in turn. */
  private material(ids: readonly string[], seen = new Set<string>()): VItem[] {
    const out: VItem[] = [];
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const items = this.footnotes.items.get(id);
      if (!items) continue;
      if (out.length > 0 && this.footnotes.gap > 0) out.push({ kind: 'glue', height: this.footnotes.gap, ops: [] });
      out.push(...items);
      const inner: string[] = [];
      for (const item of items) {
        if (item.kind !== 'box' || !item.notes) continue;
        for (const note of item.notes) {
          if (!this.placed.has(note) && this.footnotes.items.has(note)) {
            this.placed.add(note);
            inner.push(note);
          }
        }
      }
      if (inner.length > 0) out.push(...this.material(inner, seen));
    }
    return out;
  }

  /** Height the notes of a box take on this page when they all fit, separator included. */
  private notesHeight(ids: readonly string[]): number {
    if (ids.length === 0) return 0;
    let total = this.foot === 0 ? this.footnotes.separator : 0;
    for (const id of ids) for (const item of this.footnotes.items.get(id) ?? []) if (item.kind !== 'break') total += item.height;
    return total + this.footnotes.gap * (ids.length - 1);
  }

  /** The least of the notes that must share the box's page: the first box of the first note, separator included. */
  private minimumNotes(ids: readonly string[]): number {
    const first = this.footnotes.items.get(ids[0] as string)?.find((item) => item.kind === 'box');
    return (this.foot === 0 ? this.footnotes.separator : 0) + (first?.kind === 'box' ? first.height : 0);
  }

  /** A box that keeps with the next: the height up to and including the first box that does not, notes included. */
  private chainHeight(queue: readonly VItem[], start: number): number {
    let total = 0;
    for (let i = start; i < queue.length; i++) {
      const item = queue[i] as VItem;
      if (item.kind === 'break') break;
      total += item.height;
      if (item.kind === 'box') {
        if (item.notes) total += this.notesHeight(this.newNotes(item));
        if (!item.keepWithNext) break;
      }
      // Taller than a page: the chain cannot be kept anyway (and walking on would be quadratic).
      if (total > this.height) break;
    }
    return total;
  }
}
