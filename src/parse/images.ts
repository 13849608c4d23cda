// Images: local files are read through the IO gate, sniffed (the bytes must
// be a PNG, JPEG, GIF, WebP or SVG image), measured, and stored once in
// `file.data.assets`. What cannot be used gets a positioned warning and the
// alt text stands in; remote images are never fetched.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Definition, Image, ImageReference, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Asset, ImageType } from '../document.js';
import { GateError, type Gate } from '../io/gate.js';
import type { Limits } from '../limits.js';
import { schemeOf } from './url-policy.js';
import { collect, walk } from './walk.js';

const mediaTypes: Record<string, { type: ImageType; mediaType: string }> = {
  png: { type: 'png', mediaType: 'image/png' },
  jpg: { type: 'jpeg', mediaType: 'image/jpeg' },
  gif: { type: 'gif', mediaType: 'image/gif' },
  webp: { type: 'webp', mediaType: 'image/webp' },
  svg: { type: 'svg', mediaType: 'image/svg+xml' },
};

/** Browsers' size for an SVG that declares none. */
const svgDefaultSize = { width: 300, height: 150 };

type Outcome = { key: string } | { problem: string; ruleId: string } | { remote: true };

export function resolveImages(tree: Root, file: VFile, gate: Gate, limits: Limits): Record<string, Asset> {
  const assets: Record<string, Asset> = {};
  const outcomes = new Map<string, Outcome>();
  const definitions = new Map<string, Definition>();
  for (const node of collect(tree, 'definition')) {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  }
  const documentDir = file.path ? path.dirname(path.resolve(file.path)) : gate.root;

  const resolveOne = (node: Image | ImageReference, url: string) => {
    let outcome = outcomes.get(url);
    if (!outcome) {
      outcome = load(url, documentDir, gate, limits, assets);
      outcomes.set(url, outcome);
    }
    if ('key' in outcome) node.data = { ...node.data, asset: outcome.key };
    else if ('remote' in outcome) {
      file.message(`remote image not fetched: ${url}`, { place: node.position, ruleId: 'remote-image', source: 'galley' });
    } else {
      node.data = { ...node.data, unresolved: true };
      file.message(`${outcome.problem}; the alt text stands in`, {
        place: node.position,
        ruleId: outcome.ruleId,
        source: 'galley',
      });
    }
  };

  walk(tree, (node) => {
    if (node.type === 'image') resolveOne(node, node.url);
    else if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (definition?.url) resolveOne(node, definition.url);
    }
  });
  return assets;
}

function load(url: string, documentDir: string, gate: Gate, limits: Limits, assets: Record<string, Asset>): Outcome {
  const scheme = schemeOf(url);
  if (scheme === 'http' || scheme === 'https' || url.startsWith('//')) return { remote: true };
  if (scheme === 'data') return loadDataUri(url, limits, assets);
  if (scheme) return { problem: `image URL "${url}" is not a file`, ruleId: 'image-unreadable' };
  let target: string;
  try {
    target = decodeURIComponent(url.replace(/[?#].*$/, ''));
  } catch {
    return { problem: `image path "${url}" is not valid percent-encoding`, ruleId: 'image-unreadable' };
  }
  if (target === '' || target.includes('\0')) return { problem: `image path "${url}" is empty`, ruleId: 'image-unreadable' };
  const absolute = path.resolve(documentDir, target);
  try {
    const read = gate.read(absolute, limits.maxImageBytes);
    return store(read.relativePath, read.bytes, target, limits, assets);
  } catch (error) {
    if (!(error instanceof GateError)) throw error;
    const problem = error.reason === 'not-found' ? `image "${target}" not found` : `image ${error.message}`;
    return { problem, ruleId: `image-${error.reason}` };
  }
}

function loadDataUri(url: string, limits: Limits, assets: Record<string, Asset>): Outcome {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/is.exec(url.trim());
  if (!match) return { problem: 'image data URI is malformed', ruleId: 'image-unreadable' };
  const payload = match[3] as string;
  if (payload.length > limits.maxImageBytes * 1.4) {
    return { problem: `image data URI is over the ${limits.maxImageBytes}-byte limit`, ruleId: 'image-too-large' };
  }
  let bytes: Buffer;
  try {
    bytes = match[2] ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8');
  } catch {
    return { problem: 'image data URI is malformed', ruleId: 'image-unreadable' };
  }
  const key = `data:${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
  return store(key, bytes, 'data URI', limits, assets);
}

function store(key: string, bytes: Uint8Array, shown: string, limits: Limits, assets: Record<string, Asset>): Outcome {
  if (assets[key]) return { key };
  const sniffed = sniff(bytes);
  if (!sniffed) return { problem: `"${shown}" is not a PNG, JPEG, GIF, WebP or SVG image`, ruleId: 'image-not-an-image' };
  if (sniffed.width * sniffed.height > limits.maxImagePixels) {
    return {
      problem: `image "${shown}" is ${sniffed.width}×${sniffed.height} pixels, over the ${limits.maxImagePixels}-pixel limit`,
      ruleId: 'image-too-large',
    };
  }
  assets[key] = { path: key, ...sniffed, bytes };
  return { key };
}

function sniff(bytes: Uint8Array): Omit<Asset, 'path' | 'bytes'> | undefined {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return looksLikeSvg(bytes) ? { ...mediaTypes.svg!, ...svgDefaultSize } : undefined;
  }
  const known = size.type ? mediaTypes[size.type] : undefined;
  if (!known) return undefined;
  let width = size.width ?? 0;
  let height = size.height ?? 0;
  if (known.type === 'svg' && (!width || !height)) ({ width, height } = svgDefaultSize);
  // EXIF orientations 5–8 rotate the picture by a quarter turn.
  if (size.orientation && size.orientation >= 5) [width, height] = [height, width];
  if (!width || !height) return undefined;
  return { ...known, width: Math.round(width), height: Math.round(height) };
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
  return /<svg[\s>]/i.test(head) && /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(head.replace(/^\uFEFF/, ''));
}
