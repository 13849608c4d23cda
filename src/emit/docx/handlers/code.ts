// Fenced and indented code: one paragraph in the Source Code style, lines
// separated by line breaks, so that the block's shading is unbroken. Code
// with a language is coloured token by token from the theme's syntax table,
// with the same tokenizer (highlight.js) as the HTML and PDF outputs.
import type { Code } from 'mdast';
import { scopeStyle } from '../../../theme/index.js';
import type { TokenLine } from '../../../highlight/lines.js';
import { blockParagraph } from '../blocks.js';
import { runProperties, textRun } from '../properties.js';
import type { DocxState } from '../state.js';

export function code(state: DocxState, node: Code): string {
  const lang = node.lang?.split(/\s+/)[0];
  const lines: TokenLine[] =
    lang && state.loaded.highlightLines
      ? state.loaded.highlightLines(node.value, lang)
      : node.value.split('\n').map((line) => (line === '' ? [] : [{ text: line }]));
  const styles = new Map<string | undefined, string>();
  const runFor = (scope: string | undefined) => {
    let rPr = styles.get(scope);
    if (rPr === undefined) {
      const style = scope ? scopeStyle(state.theme, scope) : undefined;
      rPr = style
        ? runProperties({ color: style.color, bold: style.bold, italic: style.italic, shading: style.background })
        : '';
      styles.set(scope, rPr);
    }
    return rPr;
  };
  let content = '';
  lines.forEach((line, index) => {
    if (index > 0) content += '<w:r><w:br/></w:r>';
    for (const token of line) content += textRun(token.text, runFor(token.scope));
  });
  return blockParagraph(state, { style: 'SourceCode' }, content);
}
