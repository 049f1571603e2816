/**
 * Profile photos: a small deterministic PNG per person (a coloured square with a head and
 * shoulders), made with node:zlib. Cached; the colours come from the person's id.
 */
import { deflateSync } from 'zlib';

import { hashText } from '../tenant/random';

export const PHOTO_SIZE = 96;

const BACKGROUNDS: ReadonlyArray<readonly [number, number, number]> = [
  [0x10, 0x7c, 0x10],
  [0x00, 0x78, 0xd4],
  [0x87, 0x64, 0xb8],
  [0xca, 0x50, 0x10],
  [0xc2, 0x39, 0xb3],
  [0x03, 0x83, 0x87],
  [0x8e, 0x56, 0x2e],
  [0x49, 0x82, 0x05]
];

const CRC_TABLE: readonly number[] = (() => {
  const table: number[] = [];
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table.push(c >>> 0);
  }
  return table;
})();

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A PNG avatar: background colour from the seed text, a lighter silhouette. */
export function renderAvatar(seedText: string, size = PHOTO_SIZE): Buffer {
  const hash = hashText(seedText);
  const [r, g, b] = BACKGROUNDS[hash % BACKGROUNDS.length];
  const light: readonly [number, number, number] = [
    Math.round(r + (255 - r) * 0.7),
    Math.round(g + (255 - g) * 0.7),
    Math.round(b + (255 - b) * 0.7)
  ];
  const headX = size / 2 + ((hash >>> 8) % 7) - 3;
  const headY = size * 0.4;
  const headR = size * (0.17 + ((hash >>> 12) % 4) / 100);
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    row[0] = 0;
    for (let x = 0; x < size; x += 1) {
      const inHead = (x - headX) ** 2 + (y - headY) ** 2 <= headR ** 2;
      const shoulderY = size * 0.95;
      const inShoulders = y > size * 0.66 && ((x - size / 2) / (size * 0.36)) ** 2 + ((y - shoulderY) / (size * 0.3)) ** 2 <= 1;
      const colour = inHead || inShoulders ? light : [r, g, b];
      row[1 + x * 3] = colour[0];
      row[2 + x * 3] = colour[1];
      row[3 + x * 3] = colour[2];
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

const cache = new Map<string, Buffer>();

export function avatarFor(personId: string): Buffer {
  let png = cache.get(personId);
  if (!png) {
    png = renderAvatar(personId);
    cache.set(personId, png);
  }
  return png;
}
