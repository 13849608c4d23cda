// One URL policy for every format: links and images may use http, https,
// mailto, tel, relative paths and #fragments. Anything else (javascript:,
// vbscript:, file:, data: links…) is neutralized: the link's text stays,
// an image's alt text stands in, and a warning says what was removed.
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { collect, walk } from './walk.js';
import type { VFile } from 'vfile';

const allowedSchemes = new Set(['http', 'https', 'mailto', 'tel']);

/** The scheme as a browser would read it (tabs and newlines ignored), lower case. */
export function schemeOf(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match ? (match[1] as string).toLowerCase() : undefined;
}

export function isAllowedUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === undefined || allowedSchemes.has(scheme);
}

/** Images may also be inline `data:image/…` URIs; the image resolver sniffs them. */
export function isAllowedImageUrl(url: string): boolean {
  return isAllowedUrl(url) || /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(url.trim());
}

export function applyUrlPolicy(tree: Root, file: VFile): void {
  const notLinks = new Set<string>();
  const notImages = new Set<string>();
  const warn = (node: Nodes, what: string, url: string) =>
    file.message(`${what} with a ${schemeOf(url) ?? 'disallowed'}: URL removed; its text is kept`, {
      place: node.position,
      ruleId: 'unsafe-url',
      source: 'galley',
    });

  for (const node of collect(tree, 'definition')) {
    if (!isAllowedUrl(node.url)) notLinks.add(node.identifier);
    if (isAllowedImageUrl(node.url)) continue;
    warn(node, 'definition', node.url);
    notImages.add(node.identifier);
    node.url = '';
  }

  walk(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    let replacement: PhrasingContent[] | undefined;
    if (node.type === 'link' && !isAllowedUrl(node.url)) {
      warn(node, 'link', node.url);
      replacement = node.children;
    } else if (node.type === 'image' && !isAllowedImageUrl(node.url)) {
      warn(node, 'image', node.url);
      replacement = altText(node.alt, node);
    } else if (node.type === 'linkReference' && notLinks.has(node.identifier)) {
      if (!notImages.has(node.identifier)) warn(node, 'link', 'data:');
      replacement = node.children;
    } else if (node.type === 'imageReference' && notImages.has(node.identifier)) {
      replacement = altText(node.alt, node);
    }
    if (!replacement) return undefined;
    (parent.children as Nodes[]).splice(index, 1, ...replacement);
    return index;
  });
}

function altText(alt: string | null | undefined, node: Nodes): PhrasingContent[] {
  return alt ? [{ type: 'text', value: alt, position: node.position }] : [];
}
