import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { defineResource } from '@connectormcp/connector-kit';
import { mapS3Error } from '../map-s3-error.js';
import type { S3Context } from '../s3-context.js';

export const bucketListResource = defineResource<S3Context>({
  name: 'buckets',
  title: 'Buckets',
  description: 'The buckets these credentials may read, as JSON.',
  mimeType: 'application/json',
  uri: 's3://buckets',
  async read({ context, uri, signal }) {
    try {
      const listed = await context.client().send(new ListBucketsCommand({}), { abortSignal: signal });
      const names = (listed.Buckets ?? [])
        .map((bucket) => bucket.Name ?? '')
        .filter((bucket) => bucket && context.isBucketVisible({ bucket }));
      return [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(names) }];
    } catch (error) {
      throw mapS3Error(error) ?? error;
    }
  },
});
