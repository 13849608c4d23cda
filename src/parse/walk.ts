// A lean tree walk for the parse stage's passes. unist-util-visit builds an
// array of ancestors for every node, which on a 1 MB document cost more than
// all the passes themselves; these passes only ever need the parent.
import type { Nodes, Parents } from 'mdast';

/** Do not enter this node's children. */
export const SKIP = 'skip';
/** Stop the whole walk. */
export const EXIT = 'exit';

/**
 * What a visitor returns: nothing to go on, SKIP, EXIT, or the index in the
 * parent at which to go on (after replacing or removing the node).
 */
export type Action = typeof SKIP | typeof EXIT | number | void;

export type Visitor = (node: Nodes, index: number | undefined, parent: Parents | undefined) => Action;

/** Visits `tree` and its descendants in document order (preorder). */
export function walk(tree: Nodes, visitor: Visitor): void {
  const action = visitor(tree, undefined, undefined);
  if (action !== SKIP && action !== EXIT && 'children' in tree) walkChildren(tree, visitor);
}

function walkChildren(parent: Parents, visitor: Visitor): boolean {
  const children = parent.children as Nodes[];
  let index = 0;
  while (index < children.length) {
    const node = children[index] as Nodes;
    const action = visitor(node, index, parent);
    if (action === EXIT) return false;
    if (typeof action === 'number') {
      index = action;
      continue;
    }
    if (action !== SKIP && 'children' in node && !walkChildren(node, visitor)) return false;
    index++;
  }
  return true;
}

/** Every node of one type, in document order. */
export function collect<T extends Nodes['type']>(tree: Nodes, type: T): Array<Extract<Nodes, { type: T }>> {
  const found: Array<Extract<Nodes, { type: T }>> = [];
  walk(tree, (node) => {
    if (node.type === type) found.push(node as Extract<Nodes, { type: T }>);
  });
  return found;
}
