import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { defineResource } from '@connectormcp/connector-kit';
import { readStreamPrefix } from '../read-stream-prefix.js';
import type { S3Context } from '../s3-context.js';
import { sendToBucket } from '../send-to-bucket.js';

export const objectContentResource = defineResource<S3Context>({
  name: 'object',
  title: 'Object',
  description: 'The first S3_MAX_READ_BYTES of an object: text as text, anything else as base64.',
  uri: 's3://{bucket}/{+key}',
  async read({ context, uri, variables, signal }) {
    const bucket = variables.bucket!;
    const key = variables.key!;
    const response = await sendToBucket({
      context,
      bucket,
      key,
      signal,
      send: (client, options) =>
        client.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${context.config.maxReadBytes - 1}` }),
          options,
        ),
    });
    const { bytes } = await readStreamPrefix({
      stream: response.Body as Readable,
      limit: context.config.maxReadBytes,
      signal,
    });
    const mimeType = response.ContentType ?? 'application/octet-stream';
    const isText = /^(text\/|application\/(json|xml|x-yaml|yaml|javascript|csv))/i.test(mimeType);
    return [
      isText
        ? { uri: uri.href, mimeType, text: bytes.toString('utf8') }
        : { uri: uri.href, mimeType, blob: bytes.toString('base64') },
    ];
  },
});
