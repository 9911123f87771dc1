export type ContentKind = 'json' | 'csv' | 'tsv' | 'text' | 'image' | 'binary';

// Raster formats every browser shows, recognised by their first bytes.
const imageSignatures: Array<{ mediaType: string; matches(bytes: Uint8Array): boolean }> = [
  { mediaType: 'image/png', matches: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mediaType: 'image/jpeg', matches: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]) },
  {
    mediaType: 'image/gif',
    matches: (bytes) =>
      startsWith(
        bytes,
        [...'GIF8'].map((character) => character.charCodeAt(0)),
      ),
  },
  {
    mediaType: 'image/webp',
    matches: (bytes) =>
      startsWith(
        bytes,
        [...'RIFF'].map((character) => character.charCodeAt(0)),
      ) &&
      startsWith(
        bytes.subarray(8),
        [...'WEBP'].map((character) => character.charCodeAt(0)),
      ),
  },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * The media type of a PNG, JPEG, GIF or WebP image from its first bytes, whatever its declared content type
 * says: a client may show these inline, so only content that really is one of them is called an image
 * (SVG, which can carry scripts, stays text).
 */
export function imageMediaType({ sample }: { sample: Uint8Array }): string | undefined {
  return imageSignatures.find((signature) => signature.matches(sample))?.mediaType;
}

const textTypes =
  /^(text\/|application\/(json|ld\+json|xml|x-yaml|yaml|javascript|x-ndjson|csv|sql|graphql|toml|x-sh)|image\/svg\+xml)/i;
const binaryTypes =
  /^(image\/(?!svg\+xml)|audio\/|video\/|font\/|application\/(octet-stream|pdf|zip|x-tar|vnd\.|x-7z|x-rar|wasm|x-parquet|avro|protobuf))/i;
const gzipTypes = /^application\/(gzip|x-gzip)/i;

export function isGzip({
  key,
  contentType,
  contentEncoding,
  firstBytes,
}: {
  key: string;
  contentType?: string;
  contentEncoding?: string;
  firstBytes?: Uint8Array;
}): boolean {
  if (contentEncoding && /gzip/i.test(contentEncoding)) return true;
  if (contentType && gzipTypes.test(contentType)) return true;
  if (firstBytes && firstBytes.length >= 2) return firstBytes[0] === 0x1f && firstBytes[1] === 0x8b;
  return /\.gz$/i.test(key);
}

export function charsetOf({ contentType }: { contentType?: string }): string | undefined {
  return /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}

/**
 * Decides how to show an object: by its content type when that is telling, by its name for tabular
 * formats, and by its bytes otherwise (NUL bytes or invalid UTF-8 mostly mean binary).
 */
export function detectContentKind({
  key,
  contentType,
  sample,
}: {
  key: string;
  contentType?: string;
  sample: Uint8Array;
}): ContentKind {
  const name = key.replace(/\.gz$/i, '').toLowerCase();
  const type = (contentType ?? '').toLowerCase();
  if (imageMediaType({ sample })) return 'image';
  if (binaryTypes.test(type) && !/octet-stream/.test(type)) return 'binary';
  const looksBinary = sample.subarray(0, 8192).includes(0);
  if (looksBinary) return 'binary';
  if (type.includes('json') || name.endsWith('.json') || name.endsWith('.ndjson') || name.endsWith('.jsonl'))
    return 'json';
  if (type.includes('tab-separated') || name.endsWith('.tsv')) return 'tsv';
  if (type.includes('csv') || name.endsWith('.csv')) return 'csv';
  if (textTypes.test(type)) return 'text';
  // Unknown or octet-stream: text if it decodes as UTF-8 (allowing a cut character at the end).
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, Math.max(0, sample.length - 3)));
    return 'text';
  } catch {
    return looksLikeLegacyText({ sample }) ? 'text' : 'binary';
  }
}

/** Text in a single-byte encoding (Latin-1, Windows-1252): almost every byte printable, no control codes. */
function looksLikeLegacyText({ sample }: { sample: Uint8Array }): boolean {
  const bytes = sample.subarray(0, 8192);
  if (bytes.length === 0) return true;
  let printable = 0;
  for (const byte of bytes) {
    if (byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f) || byte >= 0xa0)
      printable += 1;
  }
  return printable / bytes.length > 0.95;
}

/**
 * Decodes bytes that may end in the middle of a character. Returns the text and how many bytes it used,
 * so the next read starts on a character boundary. Invalid UTF-8 falls back to Windows-1252, the usual
 * encoding of such files.
 */
export function decodeText({ bytes, charset, final }: { bytes: Uint8Array; charset?: string; final: boolean }): {
  text: string;
  usedBytes: number;
  encoding: string;
} {
  const wanted = charset && charset !== 'utf-8' && charset !== 'utf8' ? charset : 'utf-8';
  if (wanted === 'utf-8') {
    let usable = bytes.length;
    if (!final) {
      // Back off over a trailing incomplete UTF-8 sequence.
      let back = 0;
      while (back < 4 && usable - back - 1 >= 0 && (bytes[usable - back - 1]! & 0xc0) === 0x80) back += 1;
      const lead = bytes[usable - back - 1];
      if (lead !== undefined && lead >= 0xc0) {
        const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
        if (back + 1 < length) usable -= back + 1;
      }
    }
    try {
      return {
        text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, usable)),
        usedBytes: usable,
        encoding: 'utf-8',
      };
    } catch {
      return { text: new TextDecoder('windows-1252').decode(bytes), usedBytes: bytes.length, encoding: 'windows-1252' };
    }
  }
  try {
    return { text: new TextDecoder(wanted).decode(bytes), usedBytes: bytes.length, encoding: wanted };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), usedBytes: bytes.length, encoding: 'windows-1252' };
  }
}
