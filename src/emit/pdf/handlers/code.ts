// Fenced and indented code: the monospace face on the theme's background,
// spaces and line ends kept, coloured by the shared tokenizer (the same
// scopes and theme colours as HTML and DOCX). Long lines wrap; long blocks
// split across pages (one box per line).
import type { Code } from 'mdast';
import { scopeStyle } from '../../../theme/theme.js';
import type { TokenLine } from '../../../highlight/lines.js';
import type { Inline, TextStyle } from '../model.js';
import type { Handler } from '../state.js';

export const code: Handler = (state, node: Code, _parent, context) => {
  const role = state.theme.roles.codeBlock;
  const base: TextStyle = { ...state.style('codeBlock'), size: role.size * (context.style.size / state.theme.roles.body.size) };
  const lang = node.lang?.split(/\s+/)[0];
  const lines: TokenLine[] = lang && state.highlightLines ? state.highlightLines(node.value, lang) : node.value.split('\n').map((line) => (line ? [{ text: line }] : []));
  const inlines: Inline[] = [];
  lines.forEach((tokens, index) => {
    if (index > 0) inlines.push({ kind: 'break' });
    for (const token of tokens) {
      const scope = token.scope ? scopeStyle(state.theme, token.scope) : undefined;
      const style: TextStyle = scope
        ? {
            ...base,
            color: scope.color ?? base.color,
            bold: scope.bold ?? base.bold,
            italic: scope.italic ?? base.italic,
            ...(scope.background ? { background: scope.background } : {}),
          }
        : base;
      inlines.push({ kind: 'text', text: token.text, style });
    }
  });
  return {
    kind: 'container',
    role: 'Code',
    indent: 0,
    background: { color: role.background ?? '#f6f8fa', padding: 8 },
    spaceBefore: role.spaceBefore,
    spaceAfter: role.spaceAfter,
    children: [
      { kind: 'paragraph', role: 'P', inlines, align: 'left', lineHeight: role.lineHeight, whiteSpace: 'pre', style: base, spaceBefore: 0, spaceAfter: 0 },
    ],
  };
};
