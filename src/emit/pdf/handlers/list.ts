// Lists: bullets by depth (• ◦ –), numbers from the list's start, task-list
// boxes (☐ ☑), hanging indents wide enough for the longest number. Tight
// lists keep their items close together.
import type { List, ListItem } from 'mdast';
import type { Block, Inline } from '../model.js';
import type { Handler } from '../state.js';

const bullets = ['•', '◦', '–'];

export const list: Handler = (state, node: List, _parent, context) => {
  const start = node.ordered ? (node.start ?? 1) : 1;
  const size = context.style.size;
  const last = start + Math.max(node.children.length - 1, 0);
  const digits = Math.max(String(start).length, String(last).length);
  const indent = node.ordered ? Math.max(size * 1.6, (digits + 1) * size * 0.6 + size * 0.5) : size * 1.6;
  const tight = !node.spread && !node.children.some((item) => item.spread);
  const depth = context.listDepth;
  const items: Block[] = [];
  node.children.forEach((item: ListItem, index) => {
    let label: string;
    if (typeof item.checked === 'boolean') label = item.checked ? '☑' : '☐';
    else if (node.ordered) label = `${start + index}.`;
    else label = bullets[depth % bullets.length] as string;
    const marker: Inline[] = [{ kind: 'text', text: label, style: { ...context.style, bold: false, italic: false, underline: false, strike: false } }];
    const itemContext = { ...context, tight, listDepth: depth + 1 };
    items.push({
      kind: 'container',
      role: 'LI',
      children: state.blocks(item, itemContext),
      indent,
      marker,
      spaceBefore: tight ? 0 : state.theme.roles.body.spaceAfter / 2,
      spaceAfter: tight ? 2 : state.theme.roles.body.spaceAfter / 2,
    });
  });
  const body = state.theme.roles.body;
  return {
    kind: 'container',
    role: 'L',
    children: items,
    indent: 0,
    spaceBefore: context.tight ? 2 : body.spaceAfter,
    spaceAfter: context.tight ? 2 : body.spaceAfter,
  };
};

/** A list item outside a list (a plugin's tree): its content, unlabelled. */
export const listItem: Handler = (state, node: ListItem, _parent, context) => state.blocks(node, context);
