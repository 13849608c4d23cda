// What the tagged PDF's structure elements hold, gathered while pages are
// painted: for each element, its marked content (page and MCID), its link
// annotations, and the elements created inside it on the way (a Link for
// each link, a Figure or Formula for each inline image or formula), in
// painting order, which is reading order within a block. The elements of
// the blocks come from structure.ts; catalog.ts writes them all out at the end.
import type { LinkTarget, PaintRun, StructNode } from './model.js';

export type Kid<Page> =
  | { kind: 'content'; page: Page; mcid: number }
  | { kind: 'annotation'; page: Page; annotation: unknown }
  | { kind: 'element'; node: StructNode };

export class Tagging<Page> {
  private readonly kids = new Map<StructNode, Array<Kid<Page>>>();
  private readonly links = new Map<LinkTarget, StructNode>();
  /** Elements created while painting, not yet in their parent's list. */
  private readonly pending = new Set<StructNode>();
  /** Elements with content, or with an element with content inside. */
  private readonly filled = new Set<StructNode>();

  /** The element a run's content belongs to: its Link inside its block's element, or the block's. */
  runNode(run: PaintRun): StructNode | undefined {
    if (!run.tag) return undefined;
    return run.link ? this.linkNode(run.tag, run.link) : run.tag;
  }

  /** The Link element of a link (one per link, whatever lines it spans). */
  linkNode(parent: StructNode, target: LinkTarget): StructNode {
    let node = this.links.get(target);
    if (!node) {
      node = { role: 'Link', children: [], parent };
      this.links.set(target, node);
      this.pending.add(node);
    }
    return node;
  }

  /** A Figure or Formula element for an inline image or formula. */
  inlineNode(parent: StructNode, role: 'Figure' | 'Formula', alt: string): StructNode {
    const node: StructNode = { role, alt, children: [], parent };
    this.pending.add(node);
    return node;
  }

  /** Marked content of `node` on `page`. */
  content(node: StructNode, page: Page, mcid: number): void {
    this.attach(node);
    this.fill(node);
    this.list(node).push({ kind: 'content', page, mcid });
  }

  /** A link annotation of `node` on `page`. */
  annotation(node: StructNode, page: Page, annotation: unknown): void {
    this.attach(node);
    this.fill(node);
    this.list(node).push({ kind: 'annotation', page, annotation });
  }

  /** What `node` holds, in reading order: its content and inline elements, then its child elements. */
  kidsOf(node: StructNode): Array<Kid<Page>> {
    const own = this.kids.get(node) ?? [];
    return [...own, ...node.children.map((child): Kid<Page> => ({ kind: 'element', node: child }))];
  }

  /** Whether `node` or an element inside it has content (empty elements are left out). */
  hasContent(node: StructNode): boolean {
    return this.filled.has(node);
  }

  private fill(node: StructNode): void {
    for (let at: StructNode | undefined = node; at && !this.filled.has(at); at = at.parent) this.filled.add(at);
  }

  private attach(node: StructNode): void {
    if (!this.pending.has(node)) return;
    this.pending.delete(node);
    const parent = node.parent;
    if (parent) {
      this.attach(parent);
      this.list(parent).push({ kind: 'element', node });
    }
  }

  private list(node: StructNode): Array<Kid<Page>> {
    let list = this.kids.get(node);
    if (!list) {
      list = [];
      this.kids.set(node, list);
    }
    return list;
  }
}
