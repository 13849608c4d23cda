// Images. PNG and JPEG are embedded; SVG is drawn as vectors (svg-to-pdfkit);
// GIF and WebP, which PDF cannot hold as they are, and images the parse
// stage could not read, show their alt text with a warning. A lone image in
// its paragraph is a figure (the paragraph handler), any other is inline.
import type { Image, ImageReference } from 'mdast';
import type { Asset } from '../../../document.js';
import { imageProblem } from '../images.js';
import type { Inline, ObjectContent } from '../model.js';
import type { Context, Handler, State } from '../state.js';

/** Pixels are CSS pixels: 96 per inch. */
const pointsPerPixel = 0.75;

export interface ResolvedImage {
  content: ObjectContent;
  /** Natural size in points. */
  width: number;
  height: number;
  alt: string;
  /** The image's title (`![alt](src "title")`), or empty. */
  title: string;
}

/** What an image node draws, or undefined (its alt text stands in) after a warning where needed. */
export function resolveImage(state: State, node: Image | ImageReference): ResolvedImage | undefined {
  if (node.data?.unresolved) return undefined;
  const key = node.data?.asset;
  if (!key) return undefined; // remote, or reference without definition: the parse stage said so
  const asset: Asset | undefined = Object.hasOwn(state.data.assets, key) ? state.data.assets[key] : undefined;
  if (!asset) {
    state.warn(node, `image asset "${key}" is missing from the document; the alt text stands in`, 'image-asset');
    return undefined;
  }
  const width = Math.max(asset.width, 1) * pointsPerPixel;
  const height = Math.max(asset.height, 1) * pointsPerPixel;
  const alt = node.alt ?? '';
  const title = (node.type === 'image' ? node.title : state.definitions.get(node.identifier)?.title) ?? '';
  if (asset.type === 'svg') {
    return { content: { kind: 'svg', svg: Buffer.from(asset.bytes).toString('utf8') }, width, height, alt, title };
  }
  const problem = imageProblem(asset);
  if (problem) {
    state.warn(node, `${problem}: "${asset.path}" is not drawn; the alt text stands in`, 'image-format');
    return undefined;
  }
  return { content: { kind: 'image', key }, width, height, alt, title };
}

export function altText(state: State, node: Image | ImageReference, context: Context): Inline[] {
  const name = imageName(state, node);
  const alt = node.alt || name;
  if (!alt) return [];
  return [{ kind: 'text', text: alt, style: { ...context.style, italic: true, color: state.theme.colors.muted } }];
}

function imageName(state: State, node: Image | ImageReference): string {
  const url = node.type === 'image' ? node.url : state.definitions.get(node.identifier)?.url ?? '';
  return url.replace(/[?#].*$/, '').split('/').pop() ?? '';
}

/** Inline images are kept within a modest box so that a line stays a line. */
const inlineMax = { width: 240, height: 160 };

function inlineImage(state: State, node: Image | ImageReference, context: Context): Inline[] {
  const image = resolveImage(state, node);
  if (!image) return altText(state, node, context);
  const scale = Math.min(1, inlineMax.width / image.width, inlineMax.height / image.height);
  return [{ kind: 'object', width: image.width * scale, height: image.height * scale, content: image.content, style: context.style, role: 'Figure', alt: image.alt }];
}

export const image: Handler = (state, node: Image, _parent, context) => inlineImage(state, node, context);
export const imageReference: Handler = (state, node: ImageReference, _parent, context) => inlineImage(state, node, context);
