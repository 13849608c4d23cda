// A paragraph that is only `\newpage` or `\pagebreak` (as pandoc users write
// it) becomes a `pageBreak` node.
import type { Parents, Root } from 'mdast';
import { visit } from 'unist-util-visit';

const command = /^\\(?:newpage|pagebreak)$/;

export function markPageBreaks(tree: Root): void {
  visit(tree, 'paragraph', (node, index, parent: Parents | undefined) => {
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (!parent || index === undefined || only?.type !== 'text' || !command.test(only.value.trim())) return;
    parent.children.splice(index, 1, { type: 'pageBreak', position: node.position } as never);
  });
}
