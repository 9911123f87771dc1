import { HeadBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { defineConnector } from '@connectormcp/connector-kit';
import { mapS3Error } from './map-s3-error.js';
import { packageVersion } from './package-version.js';
import { s3Resources } from './resources/index.js';
import { s3ConfigFromEnvironment, type S3Config } from './s3-config.js';
import { createS3Context, type S3Context } from './s3-context.js';
import { s3Environment } from './s3-environment.js';
import { sendToBucket } from './send-to-bucket.js';
import { s3Tools } from './tools/index.js';

export const s3Connector = defineConnector<S3Config, S3Context>({
  name: 's3',
  packageName: '@connectormcp/s3',
  title: 'Amazon S3',
  version: packageVersion,
  instructions:
    'Browse and read objects in S3 or an S3-compatible store. Use list_objects with delimiter "/" to walk folders, search_objects to find keys by pattern, date or size, head_object for metadata, and read_object to read content in budgeted pieces (follow next_offset).',
  environment: s3Environment,
  allowWritesVariable: 'S3_ALLOW_WRITES',
  configFromEnvironment: s3ConfigFromEnvironment,
  secretsOf: ({ config }) => [config.credentials?.secretAccessKey, config.credentials?.sessionToken],
  createContext: createS3Context,
  tools: s3Tools,
  resources: s3Resources,
  mapError: (error) => mapS3Error(error),
  async check({ context, signal }) {
    const where = context.config.endpoint ?? `AWS S3 (${context.config.region ?? 'default region'})`;
    const mode = context.config.allowWrites ? 'writes enabled' : 'read-only';
    if (context.config.allowedBuckets) {
      for (const bucket of context.config.allowedBuckets) {
        await sendToBucket({
          context,
          bucket,
          signal,
          send: (client, options) => client.send(new HeadBucketCommand({ Bucket: bucket }), options),
        });
      }
      return {
        summary: `reached ${where}; buckets ${context.config.allowedBuckets.join(', ')} are readable (${mode})`,
      };
    }
    try {
      const listed = await context.client().send(new ListBucketsCommand({}), { abortSignal: signal });
      return { summary: `reached ${where}; ${listed.Buckets?.length ?? 0} bucket(s) visible (${mode})` };
    } catch (error) {
      throw mapS3Error(error) ?? error;
    }
  },
});
