// A list item: its first paragraph carries the number or bullet (and a task
// item's box); the item's other blocks are indented under it. An item that
// does not start with a paragraph gets an empty numbered paragraph first.
import type { ListItem } from 'mdast';
import { blockParagraph } from '../blocks.js';
import { runProperties } from '../properties.js';
import { bulletNumId, taskNumId, type Context, type DocxState, type Lead } from '../state.js';
import { listStep, taskBox } from '../styles.js';

const boxRun = (checked: boolean) =>
  `<w:r>${runProperties({ font: taskBox.font })}<w:t>${checked ? taskBox.checked : taskBox.unchecked}</w:t></w:r>`;

export function listItem(state: DocxState, node: ListItem): string {
  const context = state.context;
  const list = context.list ?? { numId: bulletNumId, ilvl: Math.min(context.listLevel, 8), ordered: false };
  const task = typeof node.checked === 'boolean';
  // A bullet task item shows its box where the bullet would be, and its text
  // at the item's indent (the tab stops at the hanging indent).
  const numId = task && !list.ordered ? taskNumId : list.numId;
  const lead: Lead = {
    numbering: { numId, ilvl: list.ilvl },
    runs: task ? boxRun(node.checked === true) + (list.ordered ? '<w:r><w:t xml:space="preserve"> </w:t></w:r>' : '<w:r><w:tab/></w:r>') : undefined,
  };
  const content: Partial<Context> = {
    indent: context.indent + listStep,
    width: Math.max(context.width - listStep, 1440),
    listLevel: list.ilvl + 1,
    paragraphStyle: context.quoteDepth > 0 ? 'Quote' : 'ListParagraph',
    tight: context.tight && !node.spread,
    list: undefined,
    lead: undefined,
  };
  const first = node.children[0];
  const leadsItself = first?.type === 'paragraph' || first?.type === 'heading';
  let out = '';
  if (!leadsItself) {
    out += state.within({ ...context, ...content, lead }, () => blockParagraph(state, {}, ''));
  }
  return out + state.all(node, content, (_child, index) => (index === 0 && leadsItself ? { lead } : undefined));
}
