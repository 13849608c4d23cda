// galley's `pageBreak` node (`\newpage` alone in a paragraph): a real page
// break, in a paragraph that takes no room of its own.
import type { PageBreak } from 'mdast';
import type { DocxState } from '../state.js';

export function pageBreak(_state: DocxState, _node: PageBreak): string {
  return '<w:p><w:pPr><w:pStyle w:val="Normal"/><w:spacing w:before="0" w:after="0"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>';
}
