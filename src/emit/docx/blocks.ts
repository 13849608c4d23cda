// Paragraphs placed by the context: a handler says what it is (style and
// content); where it sits comes from the context (indentation inside quotes
// and lists, a list item's numbering and task box, a column's alignment,
// spacing of tight lists).
import { paragraph, type ParagraphProperties } from './properties.js';
import type { DocxState } from './state.js';
import { listStep, quoteStep } from './styles.js';

/** Inset of code blocks from the text edge on both sides, in twips (the Source Code style's own). */
export const codeInset = 100;

/** The left indent a style has on its own, in twips. */
function styleIndent(style: string): number {
  if (style === 'Quote') return quoteStep;
  if (style === 'SourceCode') return codeInset;
  return 0;
}

/** A paragraph in the current block context; `style` defaults to the context's paragraph style. */
export function blockParagraph(state: DocxState, properties: ParagraphProperties, content: string): string {
  const context = state.context;
  const p: ParagraphProperties = { ...properties };
  const style = p.style ?? context.paragraphStyle;
  p.style = style;
  const numbering = context.lead?.numbering;
  if (numbering) {
    p.numbering = numbering;
    if (context.indent !== listStep * (numbering.ilvl + 1)) p.indent = { left: context.indent, hanging: listStep };
  } else if (!p.indent) {
    const left = context.indent + (style === 'SourceCode' ? codeInset : 0);
    if (left !== styleIndent(style)) p.indent = style === 'SourceCode' ? { left, right: codeInset } : { left };
  }
  if (context.align && !p.align) p.align = context.align;
  if (!context.tight && style === 'ListParagraph') p.contextualSpacing = false;
  return paragraph(p, (context.lead?.runs ?? '') + content);
}
