// Images. A resolved image (`data.asset`) is embedded as a `data:` URI with
// its pixel size, so the page stands alone; an image the parse stage could
// not use (`data.unresolved`) shows its alt text instead of a broken `<img>`;
// any other image (remote, or images not resolved) keeps its URL.
import type { Element, ElementContent } from 'hast';
import type { Image, ImageReference } from 'mdast';
import { defaultHandlers } from 'remark-rehype';
import type { Asset } from '../../../document.js';
import { warn, type HtmlContext } from '../context.js';
import type { State } from './types.js';
import { sanitizeSvg } from '../../svg.js';

export function createImageHandlers(context: HtmlContext) {
  const finish = (state: State, node: Image | ImageReference, element: Element | ElementContent[] | ElementContent | undefined) => {
    // A reference without a definition comes back as its source text.
    if (!element || Array.isArray(element) || element.type !== 'element' || element.tagName !== 'img') return element;
    if (node.data?.unresolved) return missingImage(state, node, String(element.properties.src ?? ''));
    const asset = assetOf(context, node);
    if (!asset) return element;
    const properties = { ...element.properties, width: asset.width, height: asset.height };
    if (context.options.embedImages) properties.src = dataUri(asset);
    return { ...element, properties };
  };
  return {
    image: (state: State, node: Image) => finish(state, node, defaultHandlers.image(state, node)),
    imageReference: (state: State, node: ImageReference) =>
      finish(state, node, defaultHandlers.imageReference(state, node)),
  };
}

export function assetOf(context: HtmlContext, node: Image | ImageReference): Asset | undefined {
  const key = node.data?.asset;
  if (!key) return undefined;
  const asset = Object.hasOwn(context.data.assets, key) ? context.data.assets[key] : undefined;
  if (!asset) warn(context.file, node, `image asset "${key}" is missing from the document; its URL is kept`, 'image-asset');
  return asset;
}

/** Data URIs made so far: an image shown many times is encoded once. */
const dataUris = new WeakMap<Asset, string>();

export function dataUri(asset: Asset): string {
  let uri = dataUris.get(asset);
  if (uri === undefined) {
    // An SVG loses what could reach outside it, as in the DOCX (a browser would not follow it from <img>, but a reader of the file might).
    const bytes = asset.mediaType === 'image/svg+xml' ? sanitizeSvg(asset.bytes) : asset.bytes;
    uri = `data:${asset.mediaType};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
    dataUris.set(asset, uri);
  }
  return uri;
}

// Without alt text, the file name says which image is missing.
function missingImage(state: State, node: Image | ImageReference, src: string): Element {
  const name = decodeURIComponentSafe(src.replace(/[?#].*$/, '').split('/').pop() ?? '');
  const element: Element = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['missing-image'] },
    children: [{ type: 'text', value: node.alt || name || 'image' }],
  };
  state.patch(node, element);
  return element;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
