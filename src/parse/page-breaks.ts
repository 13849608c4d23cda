// A paragraph that is only `\newpage` or `\pagebreak` (as pandoc users write
// it) becomes a `pageBreak` node.
import type { Root } from 'mdast';
import { walk } from './walk.js';

const command = /^\\(?:newpage|pagebreak)$/;

export function markPageBreaks(tree: Root): void {
  walk(tree, (node, index, parent) => {
    if (node.type !== 'paragraph') return undefined;
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (!parent || index === undefined || only?.type !== 'text' || !command.test(only.value.trim())) return undefined;
    parent.children.splice(index, 1, { type: 'pageBreak', position: node.position } as never);
    return undefined;
  });
}
