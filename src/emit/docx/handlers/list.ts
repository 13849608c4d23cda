// Lists use real Word numbering: bullets share one list instance, and each
// ordered list gets an instance of its own that restarts at its start
// number. A nested list is one numbering level (`w:ilvl`) deeper.
import type { List } from 'mdast';
import { bulletNumId, type DocxState } from '../state.js';

/** Word has nine numbering levels; deeper lists stay on the last one. */
const maxLevel = 8;

export function list(state: DocxState, node: List): string {
  const context = state.context;
  const ilvl = Math.min(context.listLevel, maxLevel);
  const ordered = Boolean(node.ordered);
  const numId = ordered ? state.orderedList(ilvl, Math.max(0, Math.floor(node.start ?? 1))) : bulletNumId;
  const tight = !node.spread && node.children.every((item) => !item.spread);
  return state.all(node, { list: { numId, ilvl, ordered }, tight, lead: undefined });
}
