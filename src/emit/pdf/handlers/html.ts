// Raw HTML. PDF draws none of it, except inline tags with an obvious
// meaning: <br> is a line break, and <sub>, <sup>, <kbd> and <mark> style
// the text they enclose (`state.inlines` pairs the opening and closing
// tags). Comments are invisible anyway; anything else is reported.
import type { Html } from 'mdast';
import type { TextStyle } from '../model.js';
import type { Context, Handler, State } from '../state.js';

type Styler = (style: TextStyle, state: State) => TextStyle;

const stylers: Record<string, Styler> = {
  sub: (style) => ({ ...style, size: style.size * 0.72, rise: (style.rise ?? 0) - style.size * 0.18 }),
  sup: (style) => ({ ...style, size: style.size * 0.72, rise: (style.rise ?? 0) + style.size * 0.36 }),
  kbd: (style, state) => ({
    ...style,
    font: 'mono',
    size: style.size * 0.88,
    background: state.theme.roles.code.background ?? '#eff1f3',
  }),
  mark: (style) => ({ ...style, background: '#fff1a8' }),
};

export type InlineTag = { kind: 'open'; name: string; style: Styler } | { kind: 'close'; name: string };

/** `<sub>`, `</sup>`… as a tag galley styles, or undefined. */
export function inlineHtmlTag(value: string): InlineTag | undefined {
  const match = /^<(\/?)([a-z]+)\s*>$/i.exec(value.trim());
  if (!match) return undefined;
  const name = (match[2] as string).toLowerCase();
  const styler = Object.hasOwn(stylers, name) ? stylers[name] : undefined;
  if (!styler) return undefined;
  return match[1] ? { kind: 'close', name } : { kind: 'open', name, style: styler };
}

export const html: Handler = (state: State, node: Html, parent, _context: Context) => {
  const value = node.value.trim();
  if (/^<br\s*\/?>$/i.test(value)) return { kind: 'break' };
  if (value.startsWith('<!--') || value === '') return undefined;
  const inline = parent?.type === 'paragraph' || parent?.type === 'heading' || parent?.type === 'tableCell';
  state.warn(node, `raw HTML ${inline ? 'tag' : 'block'} ${abbreviate(value)} is not drawn in PDF`, 'raw-html');
  return undefined;
};

function abbreviate(value: string): string {
  const first = value.split('\n')[0] as string;
  return first.length > 40 ? `${first.slice(0, 40)}…` : first;
}
