import { ConnectorError, readEnvironment } from '@connectormcp/connector-kit';
import { s3Environment } from './s3-environment.js';

export interface S3Config {
  /** Region for requests; the SDK's own resolution (profile) applies when unset. */
  region?: string;
  endpoint?: string;
  forcePathStyle: boolean;
  /** Buckets that may be seen and read; all when undefined. */
  allowedBuckets?: string[];
  maxReadBytes: number;
  maxWriteBytes: number;
  allowWrites: boolean;
  /** Explicit credentials for library use; the SDK's default chain otherwise. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export type S3ConfigInput = Partial<S3Config>;

export function resolveS3Config(input: S3ConfigInput = {}): S3Config {
  return {
    forcePathStyle: false,
    maxReadBytes: 256 * 1024,
    maxWriteBytes: 10 * 1024 * 1024,
    allowWrites: false,
    ...input,
  };
}

export function s3ConfigFromEnvironment({
  environment,
}: {
  environment: Record<string, string | undefined>;
}): S3Config {
  const values = readEnvironment({ spec: s3Environment, environment });
  // Stores name their regions freely (auto, garage, eu-west-1), so only the shape is checked: the
  // usual mistake is an endpoint in the region's place.
  if (values.AWS_REGION && !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(values.AWS_REGION)) {
    throw new ConnectorError({
      code: 'INVALID_CONFIG',
      message: `Invalid configuration: AWS_REGION: expected a region name such as eu-west-1 (an endpoint goes in S3_ENDPOINT_URL) (got ${JSON.stringify(values.AWS_REGION)})`,
    });
  }
  return resolveS3Config({
    ...(values.AWS_REGION ? { region: values.AWS_REGION } : {}),
    ...(values.S3_ENDPOINT_URL ? { endpoint: values.S3_ENDPOINT_URL } : {}),
    forcePathStyle: values.S3_FORCE_PATH_STYLE,
    ...(values.S3_BUCKETS ? { allowedBuckets: values.S3_BUCKETS } : {}),
    maxReadBytes: values.S3_MAX_READ_BYTES,
    maxWriteBytes: values.S3_MAX_WRITE_BYTES,
    allowWrites: values.S3_ALLOW_WRITES,
  });
}
