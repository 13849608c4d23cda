// XML text for OOXML parts. Every string that comes from the document goes
// through `text` or `attr`, which escape markup and drop the characters XML
// 1.0 forbids (C0 controls other than tab, line feed and carriage return,
// lone surrogates, U+FFFE and U+FFFF), so that no part is ever ill-formed,
// whatever a handler or the parse stage let through.

// eslint-disable-next-line no-control-regex
const illegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const needsWork = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Only the characters XML 1.0 allows. */
export function xmlLegal(value: string): string {
  return value.replace(illegal, '');
}

/** Escaped element content. */
export function text(value: string): string {
  if (!needsWork.test(value)) return value;
  return xmlLegal(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped attribute value (for double quotes); tabs and line ends are kept as references. */
export function attr(value: string): string {
  return xmlLegal(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** Namespaces of WordprocessingML parts. */
export const ns = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  asvg: 'http://schemas.microsoft.com/office/drawing/2016/SVG/main',
} as const;

/** `xmlns:…` attributes for the given prefixes. */
export function namespaces(...prefixes: Array<keyof typeof ns>): string {
  return prefixes.map((prefix) => ` xmlns:${prefix}="${ns[prefix]}"`).join('');
}

/** A `w:` element with a single `w:val` attribute. */
export function val(name: string, value: string | number): string {
  return `<w:${name} w:val="${typeof value === 'number' ? value : attr(value)}"/>`;
}
