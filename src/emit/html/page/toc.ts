// The table of contents (`toc: true`): nested lists of links to the headings
// of `file.data.outline`, whose ids are the heading ids in the body, down to
// `toc-depth` (default 3). A title taken from a heading is not listed: the
// table comes right after it.
import type { Element } from 'hast';
import type { Meta, OutlineEntry } from '../../../document.js';
import type { Labels } from '../../../i18n.js';

export const defaultTocDepth = 3;

/** The heading that is the document's title (as the parse stage chose it), if any. */
export function titleHeading(meta: Meta, outline: readonly OutlineEntry[]): OutlineEntry | undefined {
  if (meta.titleSource !== 'heading') return undefined;
  return outline.find((entry) => entry.depth === 1) ?? outline[0];
}

export function tableOfContents(meta: Meta, outline: readonly OutlineEntry[], labels: Labels): Element | undefined {
  const depth = meta.layout.tocDepth ?? defaultTocDepth;
  const title = titleHeading(meta, outline);
  const entries = outline.filter((entry) => entry !== title && entry.depth <= depth && entry.id);
  if (entries.length === 0) return undefined;
  return {
    type: 'element',
    tagName: 'nav',
    properties: { className: ['toc'], ariaLabel: labels.contents },
    children: [
      { type: 'text', value: '\n' },
      { type: 'element', tagName: 'h2', properties: { className: ['toc-title'] }, children: [{ type: 'text', value: labels.contents }] },
      { type: 'text', value: '\n' },
      nest(entries),
      { type: 'text', value: '\n' },
    ],
  };
}

// Entries become nested lists by depth. A jump (h1 → h3) nests one level
// only, and a shallower entry after deeper ones closes their lists, so no
// list item is ever empty.
function nest(entries: readonly OutlineEntry[]): Element {
  const root = list();
  const stack: Array<{ depth: number; list: Element; last?: Element }> = [
    { depth: entries[0]?.depth ?? 1, list: root },
  ];
  for (const entry of entries) {
    while (stack.length > 1 && (stack.at(-1) as (typeof stack)[number]).depth > entry.depth) stack.pop();
    let level = stack.at(-1) as (typeof stack)[number];
    if (stack.length === 1 && entry.depth < level.depth) level.depth = entry.depth;
    if (entry.depth > level.depth && level.last) {
      const child = list();
      level.last.children.push(child);
      level = { depth: entry.depth, list: child };
      stack.push(level);
    }
    const item = link(entry);
    level.list.children.push(item);
    level.last = item;
  }
  return root;
}

function list(): Element {
  return { type: 'element', tagName: 'ul', properties: {}, children: [] };
}

function link(entry: OutlineEntry): Element {
  return {
    type: 'element',
    tagName: 'li',
    properties: {},
    children: [{ type: 'element', tagName: 'a', properties: { href: `#${entry.id}` }, children: [{ type: 'text', value: entry.text }] }],
  };
}

