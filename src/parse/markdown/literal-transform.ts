// remark-gfm's transform for autolink literals runs four regular expressions
// over every text node, after micromark has found most literals already; it
// catches the ones only visible once the text is resolved (`a\@b.example`).
// Every match needs `www.`, `http://`, `https://` or `@` in the text node,
// and what it does to one text node depends on nothing outside it. So it can
// run on just the top-level blocks holding such a node, outside links, and
// give the same tree (test/parse/look-ahead.test.ts).
import type { Root, RootContent } from 'mdast';
import type { Extension, Transform } from 'mdast-util-from-markdown';
import { EXIT, SKIP, walk } from '../walk.js';

/** The text nodes the transform could change: its expressions match nothing else. */
const candidate = /@|www\.|https?:\/\//i;

/** The mdast extensions with the literal transform run only where it could change something. */
export function transformWhereNeeded(extensions: Array<Extension | Extension[]>): Extension[] {
  return extensions.flat().map((extension) => {
    const [transform, ...others] = extension.transforms ?? [];
    if (!extension.enter?.['literalAutolink'] || !transform || others.length > 0) return extension;
    return { ...extension, transforms: [onlyWhereNeeded(transform)] };
  });
}

function onlyWhereNeeded(transform: Transform): Transform {
  return (tree: Root) => {
    for (const block of tree.children) {
      if (holdsCandidate(block)) transform(block as unknown as Root);
    }
  };
}

function holdsCandidate(block: RootContent): boolean {
  let found = false;
  walk(block, (node) => {
    if (node.type === 'link' || node.type === 'linkReference') return SKIP;
    if (node.type !== 'text' || !candidate.test(node.value)) return;
    found = true;
    return EXIT;
  });
  return found;
}
