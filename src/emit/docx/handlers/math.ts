// Display math (`$$…$$`) as a native Word equation (OMML, converted from
// temml's MathML) in a paragraph of its own. TeX that cannot be read or
// converted gets a positioned warning and is shown as code.
import type { Nodes } from 'mdast';
import { blockParagraph } from '../blocks.js';
import { marksRunProperties, textRun } from '../properties.js';
import type { DocxState } from '../state.js';

type MathNode = Extract<Nodes, { type: 'math' }>;

export function math(state: DocxState, node: MathNode): string {
  const omml = equation(state, node, true);
  if (omml) return blockParagraph(state, {}, `<m:oMathPara>${omml}</m:oMathPara>`);
  return blockParagraph(state, { style: 'SourceCode' }, node.value.split('\n').map((line) => textRun(line, '')).join('<w:r><w:br/></w:r>'));
}

/** OMML for the node's TeX, or undefined after a warning. */
export function equation(state: DocxState, node: Nodes & { value: string }, display: boolean): string | undefined {
  try {
    if (!state.loaded.texToOmml) throw new Error('math converter not loaded');
    return state.loaded.texToOmml(node.value, display);
  } catch (error) {
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    state.warn(node, `${reason}; the TeX source is shown instead`, 'math');
    return undefined;
  }
}

/** The TeX source as inline code, where an inline equation failed. */
export function texRun(state: DocxState, value: string): string {
  return textRun(value, marksRunProperties({ ...state.context.marks, code: true }, state.theme.roles.link.color));
}
