// Small valid PNGs made in memory, so that tests need no image files.
import { crc32, deflateSync } from 'node:zlib';

/**
 * An 8-bit PNG of `width` × `height` pixels: `channels` 1 (grey) or 3 (RGB),
 * `pixel(x, y)` giving each pixel's channel values.
 */
export function encodePng(width: number, height: number, channels: 1 | 3, pixel: (x: number, y: number) => readonly number[]): Buffer {
  const stride = 1 + width * channels;
  const rows = Buffer.alloc(stride * height); // each row starts with filter byte 0
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set(pixel(x, y), y * stride + 1 + x * channels);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = channels === 1 ? 0 : 2; // greyscale or truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}
