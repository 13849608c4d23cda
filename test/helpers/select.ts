import type { Nodes, RootContentMap } from 'mdast';
import { visit } from 'unist-util-visit';

/** Every node of `type` in the tree, in document order. */
export function selectAll<T extends keyof RootContentMap>(tree: Nodes, type: T): Array<RootContentMap[T]> {
  const found: Array<RootContentMap[T]> = [];
  visit(tree, (node) => {
    if (node.type === type) found.push(node as RootContentMap[T]);
  });
  return found;
}
