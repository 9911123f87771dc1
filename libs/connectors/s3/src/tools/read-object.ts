import type { Readable } from 'node:stream';
import { GetObjectCommand, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { ConnectorError, formatByteSize, jsonLength, type ToolOutput } from '@connectormcp/connector-kit';
import { z } from 'zod';
import { defineS3Tool } from '../define-s3-tool.js';
import { bucketInput, keyInput } from '../input-fields.js';
import { charsetOf, decodeText, detectContentKind, imageMediaType, isGzip } from '../detect-content.js';
import { parseDelimitedRecords } from '../parse-delimited-records.js';
import { buildTableView } from '../read-object/build-table-view.js';
import { decodedPrefixWithin } from '../read-object/decoded-prefix-within.js';
import { readObjectOutput, type ReadObjectOutput } from '../read-object/read-object-output.js';
import { readStreamPrefix } from '../read-stream-prefix.js';
import { sendToBucket } from '../send-to-bucket.js';

const previewBytes = 64;
// Room for the header line and the cut marker within the character budget.
const textOverhead = 400;
// Enough for the header record of any reasonable CSV, read when a read starts after it.
const headerBytes = 64 * 1024;

export const readObject = defineS3Tool({
  name: 'read_object',
  title: 'Read object',
  description:
    "Reads an object's content up to a byte budget, streaming, and describes it by kind: CSV/TSV as a table (columns and rows), JSON parsed, text as text (UTF-8, with a fallback for other encodings), small PNG/JPEG/GIF/WebP images as base64, .gz content decompressed, and other binary objects as metadata with a short hex/base64 preview. When the content is cut, next_offset says where to read on.",
  input: z.object({
    bucket: bucketInput,
    key: keyInput,
    offset: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe('Byte to start at (of the decompressed content for gzip); next_offset of a previous read.'),
    length: z.number().int().min(1).optional().describe('Bytes to read at most from offset.'),
    max_bytes: z.number().int().min(1).optional().describe('Byte budget for this call (capped by S3_MAX_READ_BYTES).'),
  }),
  output: readObjectOutput,
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxChars, maxStructuredChars }): Promise<ToolOutput<ReadObjectOutput>> {
    const budget = Math.max(
      1,
      Math.min(
        input.max_bytes ?? context.config.maxReadBytes,
        context.config.maxReadBytes,
        input.length ?? Infinity,
        maxChars - textOverhead,
      ),
    );
    const get = (range?: string): Promise<GetObjectCommandOutput> =>
      sendToBucket({
        context,
        bucket: input.bucket,
        key: input.key,
        signal,
        send: (client, options) =>
          client.send(
            new GetObjectCommand({ Bucket: input.bucket, Key: input.key, ...(range ? { Range: range } : {}) }),
            options,
          ),
      });

    // A ranged GET of exactly the budget (plus one byte to tell "cut" from "complete").
    let response;
    try {
      response = await get(`bytes=${input.offset}-${input.offset + budget}`);
    } catch (error) {
      // An empty object has no byte 0 to range over; read it whole (it is empty).
      if (input.offset !== 0 || !ConnectorError.isInstance(error) || error.code !== 'INVALID_INPUT') throw error;
      response = await get();
    }
    const contentType = response.ContentType;
    const totalSize = Number(/\/(\d+)$/.exec(response.ContentRange ?? '')?.[1] ?? response.ContentLength ?? Number.NaN);
    let read = await readStreamPrefix({ stream: response.Body as Readable, limit: budget, signal });
    const gzip = isGzip({
      key: input.key,
      ...(contentType ? { contentType } : {}),
      ...(response.ContentEncoding ? { contentEncoding: response.ContentEncoding } : {}),
      ...(input.offset === 0 ? { firstBytes: read.bytes } : {}),
    });
    if (gzip) {
      // Decompressed offsets need the stream from its start; it is read only as far as the budget.
      read = await readStreamPrefix({
        stream: (await get()).Body as Readable,
        limit: budget,
        skip: input.offset,
        gunzip: true,
        signal,
      });
    }
    let ended = read.ended;
    const bytes = read.bytes;
    const detected = detectContentKind({
      key: input.key,
      ...(contentType && !gzip ? { contentType } : {}),
      sample: bytes,
    });
    // Only a whole image can be shown; part of one is binary.
    const kind = detected === 'image' && (input.offset !== 0 || gzip) ? 'binary' : detected;
    const base = {
      bucket: input.bucket,
      key: input.key,
      kind,
      content_type: contentType ?? null,
      gzip,
      size_bytes: Number.isFinite(totalSize) ? totalSize : null,
      offset: input.offset,
      preview_hex: null,
      preview_base64: null,
      last_modified: response.LastModified?.toISOString() ?? null,
      etag: response.ETag ?? null,
    };
    // The structured content besides the content itself, at its longest, to measure the room left for it.
    const room =
      maxStructuredChars -
      jsonLength({
        ...base,
        encoding: 'windows-1252',
        bytes_read: Number.MAX_SAFE_INTEGER,
        truncated: false,
        next_offset: Number.MAX_SAFE_INTEGER,
      }) -
      64;
    const where = `s3://${input.bucket}/${input.key}`;
    const sizeText = Number.isFinite(totalSize)
      ? `${formatByteSize(totalSize)}${gzip ? ' compressed' : ''}`
      : 'size unknown';

    if (kind === 'image' || kind === 'binary') {
      const preview = bytes.subarray(0, previewBytes);
      const previews = { preview_hex: preview.toString('hex'), preview_base64: preview.toString('base64') };
      if (kind === 'image') {
        const mediaType = imageMediaType({ sample: bytes })!;
        // Base64 takes 4 characters for 3 bytes; the previews share the room.
        const maxImageBytes = Math.min(
          input.max_bytes ?? context.config.maxReadBytes,
          context.config.maxReadBytes,
          Math.floor((room - jsonLength(previews) - mediaType.length - 64) / 4) * 3,
        );
        let image = ended && bytes.length <= maxImageBytes ? bytes : undefined;
        if (!image && input.length === undefined && Number.isFinite(totalSize) && totalSize <= maxImageBytes) {
          const whole = await readStreamPrefix({
            stream: (await get()).Body as Readable,
            limit: maxImageBytes,
            signal,
          });
          if (whole.ended) image = whole.bytes;
        }
        const structured = {
          ...base,
          ...previews,
          encoding: null,
          bytes_read: image?.length ?? bytes.length,
          truncated: !image,
          next_offset: null,
          image: { media_type: mediaType, data_base64: image?.toString('base64') ?? null },
        };
        const text = image
          ? `${where} (${mediaType}, ${sizeText}): an image, given whole as base64 in the structured content (image.data_base64), not shown here.`
          : `${where} (${mediaType}, ${sizeText}): an image larger than the ${formatByteSize(Math.max(0, maxImageBytes))} this result can hold, not included. Raise MCP_STRUCTURED_MAX_CHARS (and S3_MAX_READ_BYTES) to get it inline; head_object gives its metadata.`;
        return { structured, text };
      }
      const structured = {
        ...base,
        ...previews,
        encoding: null,
        bytes_read: bytes.length,
        truncated: !ended,
        next_offset: null,
      };
      const text = [
        `${where} (${contentType ?? 'unknown type'}, ${sizeText}): binary content, not shown.`,
        `first ${preview.length} bytes (hex): ${structured.preview_hex}`,
        'Use head_object for its metadata.',
      ].join('\n');
      return { structured, text };
    }

    let decoded = decodeText({
      bytes,
      ...(charsetOf({ contentType }) ? { charset: charsetOf({ contentType })! } : {}),
      final: ended,
    });
    const headerLine = (bytesShown: number) =>
      `${where} (${contentType ?? kind}, ${sizeText}${gzip ? ', gunzipped' : ''}, bytes ${input.offset}-${input.offset + bytesShown}):`;

    if (kind === 'csv' || kind === 'tsv') {
      const delimiter = kind === 'tsv' ? '\t' : ',';
      const header =
        input.offset === 0 ? undefined : await readHeader({ get, gzip, delimiter, encoding: decoded.encoding, signal });
      const table = buildTableView({
        bytes: bytes.subarray(0, decoded.usedBytes),
        delimiter,
        encoding: decoded.encoding,
        ended: ended && decoded.usedBytes === bytes.length,
        offset: input.offset,
        ...(header ? { header } : {}),
        structuredRoom: room - 16,
        maxChars: maxChars - textOverhead,
      });
      if (table && (input.offset === 0 || header)) {
        const structured = {
          ...base,
          encoding: decoded.encoding,
          bytes_read: table.bytesShown,
          truncated: table.truncated,
          next_offset: table.nextOffset,
          table: { columns: table.columns, rows: table.rows },
        };
        return {
          structured,
          text: `${headerLine(table.bytesShown)}\n${table.text}`,
          ...(table.nextOffset !== null
            ? { moreHint: `Call read_object with offset=${table.nextOffset} for the next rows.` }
            : {}),
        };
      }
    }

    if (kind === 'json' && ended && input.offset === 0) {
      const parsed = parseJson({ text: decoded.text });
      if (parsed && jsonLength(parsed.value) <= room - 16) {
        const structured = {
          ...base,
          encoding: decoded.encoding,
          bytes_read: decoded.usedBytes,
          truncated: false,
          next_offset: null,
          json: parsed.value,
        };
        return {
          structured,
          text: `${headerLine(decoded.usedBytes)}\n${JSON.stringify(parsed.value, null, 2)}`,
        };
      }
    }

    // As JSON, quotes, backslashes and control characters take two characters or more: when the text
    // does not fit the structured budget, fewer bytes are shown, in the text as well, and reading goes on
    // from where both stop.
    const textRoom = room - 16;
    if (jsonLength(decoded.text) > textRoom) {
      decoded = decodedPrefixWithin({ bytes, encoding: decoded.encoding, maxJsonChars: textRoom });
      ended = false;
    }
    const nextOffset = ended ? null : input.offset + decoded.usedBytes;
    const cutMarker =
      nextOffset === null
        ? ''
        : `\n[cut at byte ${nextOffset}${Number.isFinite(totalSize) && !gzip ? ` of ${totalSize}` : ''}: call read_object with offset=${nextOffset} to read on]`;
    const structured = {
      ...base,
      encoding: decoded.encoding,
      bytes_read: decoded.usedBytes,
      truncated: nextOffset !== null,
      next_offset: nextOffset,
      text: decoded.text,
    };
    return {
      structured,
      text: `${headerLine(decoded.usedBytes)}\n${decoded.text}${cutMarker}`,
      ...(nextOffset !== null ? { moreHint: `Call read_object with offset=${nextOffset} to read on.` } : {}),
    };
  },
});

function parseJson({ text }: { text: string }): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    // JSON lines, or not JSON after all: shown as text.
    return undefined;
  }
}

/** The header record of a CSV/TSV object, for a read that starts after it. */
async function readHeader({
  get,
  gzip,
  delimiter,
  encoding,
  signal,
}: {
  get(range?: string): Promise<GetObjectCommandOutput>;
  gzip: boolean;
  delimiter: ',' | '\t';
  encoding: string;
  signal: AbortSignal;
}): Promise<string[] | undefined> {
  const response = gzip ? await get() : await get(`bytes=0-${headerBytes}`);
  const start = await readStreamPrefix({
    stream: response.Body as Readable,
    limit: headerBytes,
    gunzip: gzip,
    signal,
  });
  return parseDelimitedRecords({ bytes: start.bytes, delimiter, encoding, ended: start.ended })?.[0]?.cells;
}
