// User styles (`docx.reference`): the bytes of a reference.docx or of a
// styles.xml. Its styles replace galley's by style id (a Heading 2 defined
// there is the document's Heading 2); the styles galley uses that it lacks
// are added; its document defaults are kept, except the language, which is
// the document's. Returns galley's own styles, with a problem to report,
// when the bytes are not usable.
import { unzipSync } from 'fflate';
import { languageElement, styleElements, styleIds, stylesXml, type StyleSheetOptions } from './styles.js';
import { xmlLegal } from './xml.js';

/** Largest styles.xml taken from a reference document (decompressed). */
const maxStylesBytes = 16 * 1024 * 1024;

export interface ReferenceStyles {
  xml: string;
  problem?: string;
}

export function referenceStylesXml(reference: Uint8Array, options: StyleSheetOptions): ReferenceStyles {
  let source: string;
  try {
    source = stylesSource(reference);
  } catch (error) {
    return { xml: stylesXml(options), problem: `reference styles not used: ${(error as Error).message}` };
  }
  if (/<!DOCTYPE/i.test(source)) {
    return { xml: stylesXml(options), problem: 'reference styles not used: a styles part may not have a DOCTYPE' };
  }
  const open = /<w:styles\b[^>]*>/.exec(source);
  const close = source.lastIndexOf('</w:styles>');
  if (!open || close < open.index || !source.includes(`xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`)) {
    return { xml: stylesXml(options), problem: 'reference styles not used: no <w:styles> part with the WordprocessingML namespace' };
  }
  const defined = new Set<string>();
  for (const match of source.matchAll(/<w:style\b[^>]*?\sw:styleId="([^"]*)"/g)) defined.add(match[1] as string);
  const ids = styleIds(options);
  const missing = styleElements(options).filter((_xml, index) => !defined.has(ids[index] as string));
  let xml = withLanguage(source, options);
  const end = xml.lastIndexOf('</w:styles>');
  xml = xml.slice(0, end) + missing.join('') + xml.slice(end);
  return { xml: xmlLegal(xml) };
}

function stylesSource(bytes: Uint8Array): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const files = unzipSync(bytes, {
      filter: (file) => file.name === 'word/styles.xml' && file.originalSize <= maxStylesBytes,
    });
    const found = files['word/styles.xml'];
    if (!found) throw new Error('the reference document has no word/styles.xml (or it is too large)');
    return new TextDecoder('utf-8').decode(found).replace(/^\uFEFF/, '');
  }
  if (bytes.length > maxStylesBytes) throw new Error('the styles file is too large');
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** The document's language in the reference's run defaults (added when it has none). */
function withLanguage(source: string, options: StyleSheetOptions): string {
  const lang = languageElement(options.language);
  const defaults = /<w:docDefaults\b[\s\S]*?<\/w:docDefaults>/.exec(source);
  if (!defaults) {
    const open = /<w:styles\b[^>]*>/.exec(source) as RegExpExecArray;
    const at = open.index + open[0].length;
    return `${source.slice(0, at)}<w:docDefaults><w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault></w:docDefaults>${source.slice(at)}`;
  }
  let block = defaults[0];
  if (/<w:rPrDefault\b[^>]*\/>/.test(block) || !/<w:rPrDefault\b/.test(block)) {
    block = block
      .replace(/<w:rPrDefault\b[^>]*\/>/, '')
      .replace(/<w:docDefaults\b[^>]*>/, (open) => `${open}<w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault>`);
  } else if (/<w:rPrDefault\b[^>]*>\s*<w:rPr\b[^>]*\/>/.test(block) || !/<w:rPrDefault\b[^>]*>\s*<w:rPr\b/.test(block)) {
    block = block.replace(/(<w:rPrDefault\b[^>]*>)\s*(?:<w:rPr\b[^>]*\/>)?/, `$1<w:rPr>${lang}</w:rPr>`);
  } else {
    block = block.replace(/(<w:rPrDefault\b[^>]*>\s*<w:rPr\b[^>]*>)([\s\S]*?)(<\/w:rPr>)/, (_whole, start: string, inner: string, end: string) => {
      const without = inner.replace(/<w:lang\b[^>]*\/>/g, '');
      // w:lang comes before these three in CT_RPr.
      const after = /<w:(?:eastAsianLayout|specVanish|oMath)\b/.exec(without);
      const at = after ? after.index : without.length;
      return start + without.slice(0, at) + lang + without.slice(at) + end;
    });
  }
  return source.slice(0, defaults.index) + block + source.slice(defaults.index + defaults[0].length);
}
