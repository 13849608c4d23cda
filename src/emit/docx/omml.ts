// TeX → MathML (temml, the same as the HTML output) → OMML, Word's native
// equations (mathml2omml). Imported only for documents with math.
//
// mathml2omml 0.5 needs three corrections: it handles only some MathML
// elements (and prints a console warning for each other one, noise on every
// run), so annotations are removed and the other unknown elements are
// unwrapped to `mrow` first; it writes text without escaping `<` and `&`, so
// the text of `m:t` and attribute values are escaped again afterwards; and
// it leaves the operand of ∫, ∑… empty, so the element after the operator is
// moved into it (`fillOperands`).
import { mml2omml } from 'mathml2omml';
import { texToMathML } from '../../math/index.js';
import { text, xmlLegal } from './xml.js';

export class OmmlError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'OmmlError';
  }
}

/** Elements mathml2omml converts; others are unwrapped. */
const supported = new Set([
  'math', 'semantics', 'menclose', 'mfrac', 'mglyph', 'mmultiscripts', 'mrow', 'mspace', 'msqrt', 'mstyle', 'msub',
  'msubsup', 'msup', 'mtable', 'mtd', 'mtr', 'munderover', 'mtext', 'mi', 'mn', 'mo', 'ms', 'munder', 'mover',
  'mroot', 'none', 'mprescripts',
]);

/** Prepared MathML: no annotations or phantoms, only elements mathml2omml knows. */
export function prepareMathML(mathml: string): string {
  return mathml
    .replace(/<annotation(?:-xml)?\b[\s\S]*?<\/annotation(?:-xml)?>/g, '')
    .replace(/<mphantom\b[\s\S]*?<\/mphantom>/g, '')
    .replace(/<(\/?)([a-zA-Z][\w.-]*)((?:\s[^<>]*?)?)(\/?)>/g, (whole, close: string, name: string, attributes: string, selfClosing: string) =>
      supported.has(name) ? whole : `<${close}mrow${close ? '' : attributes}${selfClosing}>`,
    );
}

/** Escapes what mathml2omml leaves raw: text of `m:t` and attribute values. */
export function repairOmml(omml: string): string {
  const repaired = omml
    .replace(/(<m:t\b[^>]*>)([\s\S]*?)(<\/m:t>)/g, (_whole, open: string, content: string, close: string) => open + text(content) + close)
    .replace(/<[mw]:\w+(?:\s+[\w:]+="[^"]*")*\s*\/?>/g, (tag) => tag.replace(/="([^"]*)"/g, (_whole, value: string) => `="${text(value)}"`));
  return xmlLegal(repaired);
}

const wellFormedTag = /<\/?[a-zA-Z][\w:.-]*(?:\s+[\w:.-]+="[^"<]*")*\s*\/?>/g;

export function texToOmml(tex: string, display: boolean): string {
  const mathml = prepareMathML(texToMathML(tex, display));
  let omml: string;
  try {
    omml = repairOmml(mml2omml(mathml));
  } catch (error) {
    throw new OmmlError(`cannot convert this equation to a Word equation (${(error as Error).message})`);
  }
  // Whatever is left outside tags must be plain text: no stray `<`.
  if (omml.replace(wellFormedTag, '').includes('<') || !omml.startsWith('<m:oMath')) {
    throw new OmmlError('cannot convert this equation to a Word equation');
  }
  // The namespaces are declared on the part's root.
  return fillOperands(omml.replace(/^<m:oMath\s[^>]*>/, '<m:oMath>'));
}

interface XmlElement {
  open: string;
  name: string;
  children: Array<XmlElement | string>;
  selfClosing: boolean;
}

/**
 * mathml2omml leaves the operand of a big operator (∫, ∑, ∏) empty and puts
 * it after the operator; Word and LibreOffice then draw an empty box. The
 * element right after such an operator becomes its operand.
 */
export function fillOperands(omml: string): string {
  if (!omml.includes('<m:e/>')) return omml;
  const root: XmlElement = { open: '', name: '', children: [], selfClosing: false };
  const stack: XmlElement[] = [root];
  for (const token of omml.match(/<[^>]+>|[^<]+/g) ?? []) {
    const parent = stack[stack.length - 1] as XmlElement;
    if (token.startsWith('</')) stack.pop();
    else if (token.startsWith('<')) {
      const name = /^<([\w:]+)/.exec(token)?.[1] ?? '';
      const element: XmlElement = { open: token, name, children: [], selfClosing: token.endsWith('/>') };
      parent.children.push(element);
      if (!element.selfClosing) stack.push(element);
    } else parent.children.push(token);
  }
  const fix = (element: XmlElement) => {
    const children = element.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child === undefined || typeof child === 'string') continue;
      const operand = child.name === 'm:nary' ? child.children[child.children.length - 1] : undefined;
      const next = children[i + 1];
      if (typeof operand === 'object' && operand.name === 'm:e' && operand.selfClosing && typeof next === 'object') {
        operand.open = '<m:e>';
        operand.selfClosing = false;
        operand.children = [next];
        children.splice(i + 1, 1);
      }
      fix(child);
    }
  };
  fix(root);
  const write = (element: XmlElement): string =>
    element.selfClosing ? element.open : `${element.open}${element.children.map((c) => (typeof c === 'string' ? c : write(c))).join('')}${element.name ? `</${element.name}>` : ''}`;
  return write(root);
}
