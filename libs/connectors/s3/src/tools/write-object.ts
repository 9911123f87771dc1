import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { ConnectorError, formatByteSize } from '@connectormcp/connector-kit';
import { bytesNumber, identifierString } from '@connectormcp/connector-kit/value-format';
import { z } from 'zod';
import { defineS3Tool } from '../define-s3-tool.js';
import { bucketInput } from '../input-fields.js';
import { sendToBucket } from '../send-to-bucket.js';

export const writeObject = defineS3Tool({
  name: 'write_object',
  title: 'Write object',
  description:
    'Creates an object from text (utf8) or bytes (base64). Refuses to replace an existing key unless overwrite is true. Size limited by S3_MAX_WRITE_BYTES.',
  input: z.object({
    bucket: bucketInput,
    key: z.string().min(1).max(1024).describe('Object key to create.'),
    content: z.string().describe('The content: text, or base64 when encoding is base64.'),
    encoding: z.enum(['utf8', 'base64']).default('utf8').describe('How content is encoded.'),
    content_type: z
      .string()
      .max(255)
      .optional()
      .describe('Content type, e.g. "text/csv"; guessed from the key when omitted.'),
    overwrite: z.boolean().default(false).describe('Replace the object if the key exists.'),
  }),
  output: z.object({
    bucket: z.string(),
    key: z.string(),
    size_bytes: bytesNumber(),
    etag: identifierString().nullable(),
    replaced: z.boolean(),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  writes: true,
  async handler({ input, context, signal }) {
    if (input.encoding === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(input.content.replace(/\s+/g, ''))) {
      throw new ConnectorError({ code: 'INVALID_INPUT', message: 'content is not valid base64.' });
    }
    const body = Buffer.from(input.content, input.encoding);
    if (body.length > context.config.maxWriteBytes) {
      throw new ConnectorError({
        code: 'INVALID_INPUT',
        message: `The object would be ${formatByteSize(body.length)}; write_object accepts at most ${formatByteSize(context.config.maxWriteBytes)} (S3_MAX_WRITE_BYTES).`,
      });
    }
    let exists = false;
    try {
      await sendToBucket({
        context,
        bucket: input.bucket,
        key: input.key,
        signal,
        send: (client, options) =>
          client.send(new HeadObjectCommand({ Bucket: input.bucket, Key: input.key }), options),
      });
      exists = true;
    } catch (error) {
      if (!ConnectorError.isInstance(error) || error.code !== 'NOT_FOUND') throw error;
    }
    if (exists && !input.overwrite) {
      throw new ConnectorError({
        code: 'INVALID_INPUT',
        message: `s3://${input.bucket}/${input.key} already exists; pass overwrite: true to replace it.`,
      });
    }
    const contentType = input.content_type ?? guessContentType({ key: input.key, encoding: input.encoding });
    const put = await sendToBucket({
      context,
      bucket: input.bucket,
      key: input.key,
      signal,
      send: (client, options) =>
        client.send(
          new PutObjectCommand({
            Bucket: input.bucket,
            Key: input.key,
            Body: body,
            ContentLength: body.length,
            ContentType: contentType,
            // Where the store supports conditional writes, this closes the race between HEAD and PUT.
            ...(exists ? {} : { IfNoneMatch: '*' }),
          }),
          options,
        ),
    });
    return {
      structured: {
        bucket: input.bucket,
        key: input.key,
        size_bytes: body.length,
        etag: put.ETag ?? null,
        replaced: exists,
      },
      text: `${exists ? 'Replaced' : 'Created'} s3://${input.bucket}/${input.key} (${formatByteSize(body.length)}, ${contentType}).`,
    };
  },
});

function guessContentType({ key, encoding }: { key: string; encoding: 'utf8' | 'base64' }): string {
  const extension = /\.([a-z0-9]+)$/i.exec(key)?.[1]?.toLowerCase();
  const known: Record<string, string> = {
    txt: 'text/plain; charset=utf-8',
    md: 'text/markdown; charset=utf-8',
    csv: 'text/csv; charset=utf-8',
    tsv: 'text/tab-separated-values; charset=utf-8',
    json: 'application/json',
    html: 'text/html; charset=utf-8',
    xml: 'application/xml',
    png: 'image/png',
    jpg: 'image/jpeg',
    pdf: 'application/pdf',
  };
  return (
    (extension && known[extension]) || (encoding === 'utf8' ? 'text/plain; charset=utf-8' : 'application/octet-stream')
  );
}
