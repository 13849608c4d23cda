// SVG images come from untrusted documents. Before one is embedded (HTML,
// DOCX) or drawn to PNG, everything that could reach outside the file is
// taken out: scripts and event handlers, external references (`href` other
// than `#fragment` or an embedded raster image), CSS `url()` to anything but
// a fragment, CSS `@import`, and the DOCTYPE (entities). An SVG drawing
// library would otherwise read local files named by `<image href="/…">`,
// past the IO gate.

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

const safeHref = /^\s*(?:#|data:image\/(?:png|jpeg|gif|webp)[;,])/i;

export function sanitizeSvg(bytes: Uint8Array): Uint8Array {
  const source = decoder.decode(bytes);
  const cleaned = source
    .replace(/<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>/gi, '')
    .replace(/<script\b[\s\S]*?(?:<\/script\s*>|\/>)/gi, '')
    .replace(/<foreignObject\b[\s\S]*?(?:<\/foreignObject\s*>|\/>)/gi, '')
    .replace(/\son[a-z]+\s*=\s*(?:"[^"]*"|'[^']*')/gi, '')
    .replace(/\s((?:xlink:)?href)\s*=\s*("([^"]*)"|'([^']*)')/gi, (whole, _name, _quoted, double, single) =>
      safeHref.test((double ?? single ?? '') as string) ? whole : '',
    )
    .replace(/@import[^;]*;?/gi, '')
    .replace(/url\(\s*(['"]?)(?!#)[^)]*\)/gi, 'none');
  return encoder.encode(cleaned);
}
