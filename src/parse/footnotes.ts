// Footnote order: identifiers numbered by first reference, the body first and
// then the definitions in that order (as GFM renders them). Definitions that
// are never referenced are reported, since no format shows them.
import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';

export function footnoteOrder(tree: Root, file: VFile): string[] {
  const definitions = new Map<string, FootnoteDefinition>();
  visit(tree, 'footnoteDefinition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  if (definitions.size === 0) return [];
  const order: string[] = [];
  const seen = new Set<string>();
  const collect = (root: Nodes) =>
    visit(root, (node) => {
      if (node !== root && node.type === 'footnoteDefinition') return SKIP;
      if (node.type === 'footnoteReference' && !seen.has(node.identifier) && definitions.has(node.identifier)) {
        seen.add(node.identifier);
        order.push(node.identifier);
      }
      return undefined;
    });
  collect(tree);
  for (let i = 0; i < order.length; i++) collect(definitions.get(order[i] as string) as FootnoteDefinition);
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
