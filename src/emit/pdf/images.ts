// Image bytes checked before pdfkit sees them: pdfkit decodes some PNGs
// asynchronously and throws from a callback, which no caller can catch, so
// a PNG's compressed data is inflated here once, and a JPEG must have a
// frame header with a size and a known number of components.
import { inflateSync } from 'node:zlib';
import type { Asset } from '../../document.js';

const checked = new WeakMap<Asset, string | undefined>();

/** Undefined when pdfkit can embed the image; else why not. */
export function imageProblem(asset: Asset): string | undefined {
  if (checked.has(asset)) return checked.get(asset);
  let problem: string | undefined;
  try {
    if (asset.type === 'png') problem = pngProblem(asset.bytes);
    else if (asset.type === 'jpeg') problem = jpegProblem(asset.bytes);
    else problem = `${asset.type.toUpperCase()} images cannot be embedded in PDF`;
  } catch (error) {
    problem = `the image data is invalid (${(error as Error).message})`;
  }
  checked.set(asset, problem);
  return problem;
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const channels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function pngProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length < 33 || pngSignature.some((value, i) => bytes[i] !== value)) return 'not a PNG file';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colorType = -1;
  let interlace = 0;
  let palette = false;
  const data: Uint8Array[] = [];
  let ended = false;
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const start = offset + 8;
    if (start + length + 4 > bytes.length) return 'the PNG file is truncated';
    if (type === 'IHDR') {
      width = view.getUint32(start);
      height = view.getUint32(start + 4);
      depth = bytes[start + 8] as number;
      colorType = bytes[start + 9] as number;
      interlace = bytes[start + 12] as number;
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') data.push(bytes.subarray(start, start + length));
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    offset = start + length + 4;
  }
  if (!width || !height) return 'the PNG file has no size';
  if (!(colorType in channels) || ![1, 2, 4, 8, 16].includes(depth)) return 'the PNG file has an unknown pixel format';
  if (colorType === 3 && !palette) return 'the PNG file has no palette';
  if (data.length === 0 || !ended) return 'the PNG file is truncated';
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(data));
  } catch {
    return 'the PNG data are damaged';
  }
  const bitsPerPixel = depth * (channels[colorType] as number);
  const expected = height * (1 + Math.ceil((width * bitsPerPixel) / 8));
  if (interlace === 0 && pixels.length < expected) return 'the PNG file is truncated';
  return undefined;
}

export function jpegProblem(bytes: Uint8Array): string | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return 'not a JPEG file';
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return 'the JPEG file is damaged';
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number);
    if ((marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)) {
      if (offset + 10 > bytes.length) return 'the JPEG file is truncated';
      const height = ((bytes[offset + 5] as number) << 8) | (bytes[offset + 6] as number);
      const width = ((bytes[offset + 7] as number) << 8) | (bytes[offset + 8] as number);
      const components = bytes[offset + 9] as number;
      if (!width || !height) return 'the JPEG file has no size';
      if (![1, 3, 4].includes(components)) return 'the JPEG file has an unknown colour format';
      return undefined;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    offset += 2 + length;
  }
  return 'the JPEG file has no frame header';
}
