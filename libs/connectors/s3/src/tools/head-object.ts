import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { formatByteSize, jsonLength, truncateJsonValue } from '@connectormcp/connector-kit';
import { bytesNumber, dateTimeString, identifierString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { defineS3Tool } from '../define-s3-tool.js';
import { bucketInput, keyInput } from '../input-fields.js';
import { sendToBucket } from '../send-to-bucket.js';

export const headObject = defineS3Tool({
  name: 'head_object',
  title: 'Object metadata',
  description:
    "Returns an object's metadata without its content: size, content type and encoding, ETag, last modified, storage class and user metadata.",
  input: z.object({
    bucket: bucketInput,
    key: keyInput,
  }),
  output: z.object({
    bucket: z.string(),
    key: z.string(),
    size_bytes: bytesNumber(),
    size: z.string().describe('size_bytes for people, e.g. "1.5 KiB".'),
    content_type: z.string().nullable(),
    content_encoding: z.string().nullable(),
    etag: identifierString().nullable(),
    last_modified: dateTimeString().nullable(),
    storage_class: z.string().nullable(),
    version_id: identifierString().nullable(),
    metadata: z.record(z.string(), z.string()),
    truncated: z.boolean().describe('True when long metadata values were cut to fit the budget.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
  async handler({ input, context, signal, maxStructuredChars }) {
    const head = await sendToBucket({
      context,
      bucket: input.bucket,
      key: input.key,
      signal,
      send: (client, options) => client.send(new HeadObjectCommand({ Bucket: input.bucket, Key: input.key }), options),
    });
    const structured = {
      bucket: input.bucket,
      key: input.key,
      size_bytes: head.ContentLength ?? 0,
      size: formatByteSize(head.ContentLength ?? 0),
      content_type: head.ContentType ?? null,
      content_encoding: head.ContentEncoding ?? null,
      etag: head.ETag ?? null,
      last_modified: head.LastModified?.toISOString() ?? null,
      storage_class: head.StorageClass ?? 'STANDARD',
      version_id: head.VersionId ?? null,
      metadata: {} as Record<string, string>,
      truncated: false,
    };
    // User metadata is the one part without a fixed size; its values are cut (with a marker) to fit.
    const metadata = truncateJsonValue({
      value: head.Metadata ?? {},
      maxChars: maxStructuredChars - jsonLength(structured) - 16,
    });
    structured.metadata = metadata.value;
    structured.truncated = metadata.truncated;
    const text = [
      `s3://${input.bucket}/${input.key}`,
      `size: ${structured.size} (${structured.size_bytes} bytes)`,
      `content type: ${structured.content_type ?? 'unknown'}${structured.content_encoding ? `, encoding ${structured.content_encoding}` : ''}`,
      `etag: ${structured.etag ?? '-'}  last modified: ${structured.last_modified ?? '-'}  storage class: ${structured.storage_class}`,
      ...Object.entries(structured.metadata).map(([name, value]) => `metadata ${name}: ${value}`),
    ].join('\n');
    return { structured, text };
  },
});
