import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { ConnectorError, formatByteSize, jsonLength, renderTable } from '@connectormcp/connector-kit';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { defineS3Tool } from '../define-s3-tool.js';
import { bucketInput, keyInput } from '../input-fields.js';
import { charsetOf, decodeText, detectContentKind, isGzip } from '../detect-content.js';
import { readStreamPrefix } from '../read-stream-prefix.js';
import { sendToBucket } from '../send-to-bucket.js';

const previewBytes = 64;
// Room for the header line and the cut marker within the character budget.
const textOverhead = 400;

// The fields of a text result besides `content`, at their longest, to measure the room left for it.
const emptyContentFields = {
  encoding: 'windows-1252',
  bytes_read: Number.MAX_SAFE_INTEGER,
  truncated: false,
  next_offset: Number.MAX_SAFE_INTEGER,
  content: '',
  preview_hex: null,
  preview_base64: null,
};

/** The longest decoded prefix of `bytes` whose JSON string fits `maxJsonChars` (a binary search). */
function decodedPrefixWithin({
  bytes,
  encoding,
  maxJsonChars,
}: {
  bytes: Uint8Array;
  encoding: string;
  maxJsonChars: number;
}): ReturnType<typeof decodeText> {
  let low = 0;
  let high = bytes.length;
  let best = decodeText({ bytes: bytes.subarray(0, 0), charset: encoding, final: false });
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const candidate = decodeText({ bytes: bytes.subarray(0, middle), charset: encoding, final: false });
    if (jsonLength(candidate.text) <= maxJsonChars) {
      best = candidate;
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

export const readObject = defineS3Tool({
  name: 'read_object',
  title: 'Read object',
  description:
    "Reads an object's content up to a byte budget, streaming: text as text (UTF-8, with a fallback for other encodings), JSON made readable, CSV/TSV as a table with its header, .gz text decompressed, and binary objects as metadata with a short hex/base64 preview. When the content is cut, the result says which offset to pass to read the next part.",
  input: z.object({
    bucket: bucketInput,
    key: keyInput,
    offset: z.number().int().min(0).default(0).describe('Byte to start at (of the decompressed content for gzip).'),
    length: z.number().int().min(1).optional().describe('Bytes to read at most from offset.'),
    max_bytes: z.number().int().min(1).optional().describe('Byte budget for this call (capped by S3_MAX_READ_BYTES).'),
  }),
  output: z.object({
    bucket: z.string(),
    key: z.string(),
    kind: z.enum(['json', 'csv', 'tsv', 'text', 'binary']),
    content_type: z.string().nullable(),
    encoding: z.string().nullable(),
    gzip: z.boolean(),
    size_bytes: z.number().nullable(),
    offset: z.number(),
    bytes_read: z.number(),
    truncated: z.boolean(),
    next_offset: z.number().nullable(),
    content: z.string().nullable(),
    preview_hex: z.string().nullable(),
    preview_base64: z.string().nullable(),
    last_modified: z.string().nullable(),
    etag: z.string().nullable(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxChars, maxStructuredChars }) {
    const budget = Math.max(
      1,
      Math.min(
        input.max_bytes ?? context.config.maxReadBytes,
        context.config.maxReadBytes,
        input.length ?? Infinity,
        maxChars - textOverhead,
      ),
    );
    const get = (range?: string) =>
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
    let ended = read.ended;
    if (gzip) {
      // Decompressed offsets need the stream from its start; it is read only as far as the budget.
      response = await get();
      read = await readStreamPrefix({
        stream: response.Body as Readable,
        limit: budget,
        skip: input.offset,
        gunzip: true,
        signal,
      });
      ended = read.ended;
    }
    const bytes = read.bytes;
    const kind = detectContentKind({ key: input.key, ...(contentType && !gzip ? { contentType } : {}), sample: bytes });
    const base = {
      bucket: input.bucket,
      key: input.key,
      kind,
      content_type: contentType ?? null,
      gzip,
      size_bytes: Number.isFinite(totalSize) ? totalSize : null,
      offset: input.offset,
      last_modified: response.LastModified?.toISOString() ?? null,
      etag: response.ETag ?? null,
    };
    const where = `s3://${input.bucket}/${input.key}`;
    const sizeText = Number.isFinite(totalSize)
      ? `${formatByteSize(totalSize)}${gzip ? ' compressed' : ''}`
      : 'size unknown';

    if (kind === 'binary') {
      const preview = bytes.subarray(0, previewBytes);
      const structured = {
        ...base,
        encoding: null,
        bytes_read: bytes.length,
        truncated: !ended,
        next_offset: null,
        content: null,
        preview_hex: preview.toString('hex'),
        preview_base64: preview.toString('base64'),
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
    // As JSON, quotes, backslashes and control characters take two characters or more: when the content
    // does not fit the structured budget, fewer bytes are shown, in the text as well, and reading goes on
    // from where both stop.
    const contentRoom = maxStructuredChars - jsonLength({ ...base, ...emptyContentFields }) - 64;
    if (jsonLength(decoded.text) > contentRoom) {
      decoded = decodedPrefixWithin({ bytes, encoding: decoded.encoding, maxJsonChars: contentRoom });
      ended = false;
    }
    const nextOffset = ended ? null : input.offset + decoded.usedBytes;
    const cutMarker =
      nextOffset === null
        ? ''
        : `\n[cut at byte ${nextOffset}${Number.isFinite(totalSize) && !gzip ? ` of ${totalSize}` : ''}: call read_object with offset=${nextOffset} to read on]`;
    let shown = decoded.text;
    if (kind === 'json' && ended && input.offset === 0) {
      try {
        shown = JSON.stringify(JSON.parse(decoded.text), null, 2);
      } catch {
        // Not one JSON document (e.g. JSON lines): shown as it is.
      }
    }
    if ((kind === 'csv' || kind === 'tsv') && input.offset === 0) {
      const complete = ended ? decoded.text : decoded.text.slice(0, decoded.text.lastIndexOf('\n') + 1);
      try {
        const records = parse(complete, {
          delimiter: kind === 'tsv' ? '\t' : ',',
          relax_column_count: true,
          skip_empty_lines: true,
        }) as string[][];
        const [header = [], ...rows] = records;
        const table = renderTable({
          columns: header,
          rows,
          maxChars: maxChars - textOverhead,
          ...(nextOffset !== null
            ? {
                totalRows: `more than ${rows.length}`,
                hint: `Call read_object with offset=${nextOffset} for the next rows (without the header).`,
              }
            : {}),
        });
        shown = table.text;
      } catch {
        // Malformed CSV is still worth reading as text.
      }
    }
    const structured = {
      ...base,
      encoding: decoded.encoding,
      bytes_read: decoded.usedBytes,
      truncated: nextOffset !== null,
      next_offset: nextOffset,
      content: decoded.text,
      preview_hex: null,
      preview_base64: null,
    };
    const header = `${where} (${contentType ?? kind}, ${sizeText}${gzip ? ', gunzipped' : ''}, bytes ${input.offset}-${input.offset + decoded.usedBytes}):`;
    return {
      structured,
      text: `${header}\n${shown}${cutMarker}`,
      ...(nextOffset !== null ? { moreHint: `Call read_object with offset=${nextOffset} to read on.` } : {}),
    };
  },
});
