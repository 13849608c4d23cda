// Pictures. An image the parse stage read (`data.asset`) is embedded once
// per document (as `word/media/imageN.ext`) and drawn inline, scaled down to
// the width available where it stands (keeping its aspect ratio), with its
// alt text as the picture's description for screen readers. PNG, JPEG and
// GIF are embedded as they are; SVG is embedded (sanitized) with a PNG
// fallback, as Word itself does it; WebP, which Word cannot show, gives a
// warning and its alt text. Images that were not read show their alt text
// (a remote one links to its URL); the parse stage already said why.
import type { Image, ImageReference } from 'mdast';
import type { Asset } from '../../document.js';
import { ptToEmu, pxToPt } from '../../theme/index.js';
import { hyperlink } from './links.js';
import { marksRunProperties, textRun } from './properties.js';
import type { DocxState, EmbeddedImage } from './state.js';
import { sanitizeSvg } from '../svg.js';
import { attr, ns } from './xml.js';

const svgExtension = '{96DAC541-7B7A-43D3-8B79-37D633B846F1}';

export function imageRun(state: DocxState, node: Image | ImageReference, url: string, title: string | null | undefined): string {
  const alt = node.alt ?? '';
  const key = node.data?.asset;
  const asset = key && !node.data?.unresolved && Object.hasOwn(state.data.assets, key) ? state.data.assets[key] : undefined;
  if (!asset) {
    if (key && !node.data?.unresolved) state.warn(node, `image asset "${key}" is missing from the document; its alt text is kept`, 'image-asset');
    return altText(state, node, url, alt);
  }
  if (asset.type === 'webp') {
    state.warn(node, `WebP image "${asset.path}" cannot be shown by Word; its alt text is kept`, 'image-format');
    return altText(state, node, url, alt);
  }
  const embedded = state.images.get(asset.path) ?? embed(state, node, asset);
  return drawing(state, asset, embedded, alt, title ?? '');
}

function altText(state: DocxState, node: Image | ImageReference, url: string, alt: string): string {
  const label = alt || decodeName(url) || 'image';
  if (/^https?:/i.test(url.trim())) {
    return hyperlink(state, node, { children: [{ type: 'text', value: label }] }, url, undefined);
  }
  return textRun(label, marksRunProperties(state.context.marks, state.theme.roles.link.color));
}

function decodeName(url: string): string {
  const name = url.replace(/[?#].*$/, '').split('/').pop() ?? '';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function embed(state: DocxState, node: Image | ImageReference, asset: Asset): EmbeddedImage {
  let embedded: EmbeddedImage;
  if (asset.type === 'svg') {
    const svg = sanitizeSvg(asset.bytes);
    let png = state.options.svgFallback ? state.loaded.svgToPng?.(svg, asset.width, asset.height) : undefined;
    if (!png) {
      state.warn(
        node,
        `SVG image "${asset.path}" has no PNG fallback${state.options.svgFallback ? ' (it could not be drawn)' : ''}: Word 2016 and later and LibreOffice show it, older readers show nothing`,
        'svg-fallback',
      );
      png = transparentPng;
    }
    const rId = state.relationship('image', state.addMedia('png', png), false);
    const svgRId = state.relationship('image', state.addMedia('svg', svg), false);
    embedded = { rId, svgRId };
  } else {
    const extension = asset.type === 'jpeg' ? 'jpeg' : asset.type;
    embedded = { rId: state.relationship('image', state.addMedia(extension, asset.bytes), false) };
  }
  state.images.set(asset.path, embedded);
  return embedded;
}

/** The picture's size in EMUs: its pixel size at 96 dpi, scaled down to fit the width and the page. */
export function imageExtent(asset: Asset, maxWidthTwips: number, maxHeightTwips: number): { cx: number; cy: number } {
  const width = Math.max(1, asset.width || 1);
  const height = Math.max(1, asset.height || 1);
  let widthPt = pxToPt(width);
  let heightPt = pxToPt(height);
  const scale = Math.min(1, maxWidthTwips / 20 / widthPt, maxHeightTwips / 20 / heightPt);
  widthPt *= scale;
  heightPt *= scale;
  return { cx: Math.max(1, ptToEmu(widthPt)), cy: Math.max(1, ptToEmu(heightPt)) };
}

function drawing(state: DocxState, asset: Asset, embedded: EmbeddedImage, alt: string, title: string): string {
  const { size, margins } = state.layout;
  const pageHeight = (size.height - margins.top - margins.bottom) * 20 * 0.9;
  const { cx, cy } = imageExtent(asset, state.context.width, pageHeight);
  const id = state.drawingId();
  const name = `Picture ${id}`;
  const descr = alt ? ` descr="${attr(alt)}"` : '';
  const titleAttr = title ? ` title="${attr(title)}"` : '';
  const svg = embedded.svgRId
    ? `<a:extLst><a:ext uri="${svgExtension}"><asvg:svgBlip xmlns:asvg="${ns.asvg}" r:embed="${embedded.svgRId}"/></a:ext></a:extLst>`
    : '';
  return (
    '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">' +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${id}" name="${name}"${descr}${titleAttr}/>` +
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    `<pic:nvPicPr><pic:cNvPr id="${id}" name="${name}"${descr}/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${embedded.rId}">${svg}</a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
  );
}

/** A 1×1 transparent PNG: the fallback picture of an SVG that could not be drawn. */
const transparentPng = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR42mNgAAIAAAUAAen63NgAAAAASUVORK5CYII=', 'base64'),
);
