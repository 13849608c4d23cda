// The zip container, written here rather than by a zip library so that it is
// deterministic by construction and fast: entries in the order given
// ([Content_Types].xml first), every entry dated with the output timestamp
// (its UTC fields, whatever the time zone), pictures stored as they are (they
// are compressed already), XML deflated by Node's native zlib.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

/** MS-DOS date and time fields (zip's), from the UTC fields of `date`, clamped to 1980–2107. */
export function dosDateTime(date: Date): { date: number; time: number } {
  const clamped = new Date(Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31, 23, 59, 58)));
  return {
    date: ((clamped.getUTCFullYear() - 1980) << 9) | ((clamped.getUTCMonth() + 1) << 5) | clamped.getUTCDate(),
    time: (clamped.getUTCHours() << 11) | (clamped.getUTCMinutes() << 5) | (clamped.getUTCSeconds() >> 1),
  };
}

const stored = /\.(?:png|jpe?g|gif)$/i;
const utf8 = new TextEncoder();

export function zip(entries: readonly ZipEntry[], date: Date, level: number): Uint8Array {
  const { date: dosDate, time: dosTime } = dosDateTime(date);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = utf8.encode(entry.path);
    const store = level === 0 || stored.test(entry.path);
    const data = store ? entry.bytes : deflateRawSync(entry.bytes, { level });
    const crc = crc32(entry.bytes) >>> 0;
    const flags = /[^\x20-\x7e]/.test(entry.path) ? 0x0800 : 0;
    const method = store ? 0 : 8;

    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    local.setUint16(10, dosTime, true);
    local.setUint16(12, dosDate, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.byteLength, true);
    local.setUint32(22, entry.bytes.byteLength, true);
    local.setUint16(26, name.byteLength, true);
    local.setUint16(28, 0, true);

    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(8, flags, true);
    header.setUint16(10, method, true);
    header.setUint16(12, dosTime, true);
    header.setUint16(14, dosDate, true);
    header.setUint32(16, crc, true);
    header.setUint32(20, data.byteLength, true);
    header.setUint32(24, entry.bytes.byteLength, true);
    header.setUint16(28, name.byteLength, true);
    // Extra field, comment, disk number, internal and external attributes: 0.
    header.setUint32(42, offset, true);

    chunks.push(new Uint8Array(local.buffer), name, data);
    central.push(new Uint8Array(header.buffer), name);
    offset += 30 + name.byteLength + data.byteLength;
  }
  const centralSize = central.reduce((size, chunk) => size + chunk.byteLength, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const parts = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((size, part) => size + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
