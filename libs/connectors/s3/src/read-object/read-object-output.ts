import { bytesNumber, dateTimeString, identifierString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';

export const contentKinds = ['csv', 'tsv', 'json', 'text', 'image', 'binary'] as const;

/**
 * What read_object returns: the object's facts, then its content described by kind, in exactly one of
 * `table` (csv, tsv), `json`, `text` or `image`; `binary` content gets only a short preview.
 */
export const readObjectOutput = z.object({
  bucket: z.string(),
  key: z.string(),
  kind: z
    .enum(contentKinds)
    .describe(
      'How the content is given: csv and tsv in `table`, json in `json` (in `text` when it was not read whole), text in `text`, image in `image`, binary only as a preview.',
    ),
  content_type: z.string().nullable(),
  encoding: z.string().nullable().describe('Character encoding the text was decoded with.'),
  gzip: z.boolean().describe('True when the object was stored gzipped and is shown decompressed.'),
  size_bytes: bytesNumber().nullable().describe('Size of the stored object.'),
  offset: z.number().int().describe('First byte read (of the decompressed content for gzip).'),
  bytes_read: bytesNumber().describe('Bytes from offset that this result shows.'),
  truncated: z.boolean().describe('True when the content goes on beyond what is shown, or was left out.'),
  next_offset: z
    .number()
    .int()
    .nullable()
    .describe('Pass as offset to read on (for a table: the next row, and the header is repeated); null at the end.'),
  table: z
    .object({
      columns: z.array(z.string()).describe("The header: the object's first record."),
      rows: z.array(z.array(z.string())).describe('The records read after the header, cells as text.'),
    })
    .optional()
    .describe('CSV or TSV content, parsed (quoted delimiters and line breaks inside quotes included).'),
  json: z.unknown().optional().describe('The parsed JSON document, when it was read whole.'),
  text: z.string().optional().describe('Decoded text: text files, and CSV or JSON that could not be parsed as read.'),
  image: z
    .object({
      media_type: z.string().describe('image/png, image/jpeg, image/gif or image/webp, from the bytes themselves.'),
      data_base64: z
        .string()
        .nullable()
        .describe('The whole image in base64, or null when it is larger than the structured budget allows.'),
    })
    .optional(),
  preview_hex: z.string().nullable().describe('First bytes of binary content and images, in hex.'),
  preview_base64: z.string().nullable(),
  last_modified: dateTimeString().nullable(),
  etag: identifierString().nullable(),
});

export type ReadObjectOutput = z.output<typeof readObjectOutput>;
