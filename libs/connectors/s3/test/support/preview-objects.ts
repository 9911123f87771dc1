import { deflateSync } from 'node:zlib';

/** A CSV that needs a real parser: quoted commas, doubled quotes, line breaks inside quotes, CRLF, unicode. */
export const quotedCsv =
  'id,name,comment\r\n' +
  '1,"Lovelace, Ada","first line\nsecond line"\r\n' +
  '2,Hopper,"said ""hello"", then left"\r\n' +
  '3,Café,"日本語, emoji 🎉"\r\n';

export const peopleTsv = 'name\tcity\tnote\nAda\tLondon\t"quoted, with comma"\nGrace\tNew York\t\n';

export const configJson = { service: 'shop', limits: { orders: 500, ratio: 0.25 }, tags: ['a', 'b'], owner: null };

/** Row `index` of the multi-megabyte CSV, with a quoted comma and a line break inside quotes. */
export function bigCsvRow(index: number): string[] {
  return [String(index), `Customer ${index}, Ltd.`, `note ${index}\nsecond line "quoted"`];
}

export function bigCsv({ rows }: { rows: number }): string {
  const escape = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = ['id,name,note'];
  for (let index = 0; index < rows; index += 1) lines.push(bigCsvRow(index).map(escape).join(','));
  return `${lines.join('\n')}\n`;
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid RGB PNG of noise (which does not compress), so its size follows its dimensions. */
export function noisePng({ width, height }: { width: number; height: number }): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let seed = 7;
  for (let index = 0; index < raw.length; index += 1) {
    // xorshift32: deterministic bytes that deflate cannot shrink.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    raw[index] = index % (width * 3 + 1) === 0 ? 0 : (seed >>> 0) & 0xff;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
