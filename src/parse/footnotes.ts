// Footnote order: identifiers numbered by first reference, the body first and
// then the definitions in that order (as GFM renders them). Definitions that
// are never referenced are reported, since no format shows them.
import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, collect, walk } from './walk.js';

export function footnoteOrder(tree: Root, file: VFile): string[] {
  const definitions = new Map<string, FootnoteDefinition>();
  for (const node of collect(tree, 'footnoteDefinition')) {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  }
  if (definitions.size === 0) return [];
  const order: string[] = [];
  const seen = new Set<string>();
  const referencesIn = (root: Nodes) =>
    walk(root, (node) => {
      if (node !== root && node.type === 'footnoteDefinition') return SKIP;
      if (node.type === 'footnoteReference' && !seen.has(node.identifier) && definitions.has(node.identifier)) {
        seen.add(node.identifier);
        order.push(node.identifier);
      }
      return undefined;
    });
  referencesIn(tree);
  for (let i = 0; i < order.length; i++) referencesIn(definitions.get(order[i] as string) as FootnoteDefinition);
  for (const [identifier, node] of definitions) {
    if (seen.has(identifier)) continue;
    file.message(`footnote [^${node.label ?? identifier}] is never referenced`, {
      place: node.position,
      ruleId: 'unused-footnote',
      source: 'galley',
    });
  }
  return order;
}
