// Raw HTML cannot be trusted nor shown in Word, so it is dropped with a
// message, except inline tags with an obvious meaning: <br> is a line
// break, and <sub>, <sup>, <kbd> and <mark> format the text up to their
// closing tag (the tags are separate nodes in mdast, so an opening tag
// changes the context of the siblings that follow it). Comments are
// dropped silently, as a browser hides them.
import type { Html } from 'mdast';
import type { DocxState, Marks } from '../state.js';

const markOf: Record<string, keyof Marks> = { sub: 'sub', sup: 'sup', kbd: 'kbd', mark: 'mark' };

export function html(state: DocxState, node: Html): string {
  const value = node.value.trim();
  if (value.startsWith('<!--')) return '';
  if (state.context.phrasing) {
    if (/^<br\s*\/?>$/i.test(value)) return '<w:r><w:br/></w:r>';
    const tag = /^<(\/?)([a-z]+)(?:\s[^<>]*)?>$/i.exec(value);
    const name = tag?.[2]?.toLowerCase();
    const mark = name && Object.hasOwn(markOf, name) ? markOf[name] : undefined;
    if (tag && mark) {
      state.setContext({ marks: { ...state.context.marks, [mark]: tag[1] !== '/' } });
      return '';
    }
    // The opening tag had the message; its text is kept.
    if (tag?.[1] === '/') return '';
  }
  state.warn(node, `raw HTML is not rendered in DOCX: ${preview(value)}`, 'raw-html');
  return '';
}

function preview(value: string): string {
  const line = value.split('\n')[0] ?? '';
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}
