import {
  defineEnvironment,
  environmentBoolean,
  environmentInteger,
  environmentList,
  environmentString,
  environmentUrl,
} from '@connectormcp/connector-kit';

/**
 * Credentials are not configured here: the AWS SDK's default chain finds them (environment, shared
 * profile, SSO, container or instance role). The AWS variables are listed so `--help` documents them and
 * their values are redacted from every message.
 */
export const s3Environment = defineEnvironment({
  AWS_REGION: {
    description: 'Region of the buckets (default from the AWS profile, else us-east-1).',
    schema: environmentString(),
    askAtInstall: true,
    placeholder: 'eu-west-1',
  },
  AWS_PROFILE: {
    description:
      'Shared config/credentials profile to use (read by the AWS SDK); or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or rely on a role.',
    schema: environmentString(),
    askAtInstall: true,
    placeholder: 'analytics-readonly',
  },
  AWS_ACCESS_KEY_ID: {
    description: 'Access key id (read by the AWS SDK; prefer a profile or a role).',
    schema: environmentString(),
    secret: true,
  },
  AWS_SECRET_ACCESS_KEY: {
    description: 'Secret access key (read by the AWS SDK).',
    schema: environmentString(),
    secret: true,
  },
  AWS_SESSION_TOKEN: {
    description: 'Session token for temporary credentials (read by the AWS SDK).',
    schema: environmentString(),
    secret: true,
  },
  S3_ENDPOINT_URL: {
    description: 'Endpoint of an S3-compatible store (MinIO, Cloudflare R2, Ceph), e.g. http://localhost:9000.',
    schema: environmentUrl({
      protocols: ['http:', 'https:'],
      example: 'http://localhost:9000',
      schemeHints: { 's3:': 'this is the address of the store; bucket names go in S3_BUCKETS' },
      refuseCredentials: 'the access key goes in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use a profile',
    }),
    placeholder: 'http://localhost:9000',
  },
  S3_FORCE_PATH_STYLE: {
    description: 'Address buckets as endpoint/bucket instead of bucket.endpoint (most S3-compatible stores).',
    schema: environmentBoolean(),
  },
  S3_BUCKETS: {
    description: 'Allowlist of buckets, comma-separated: others are invisible and refused.',
    schema: environmentList({
      item: { pattern: /^[A-Za-z0-9._-]+$/, expected: 'a bucket name: list names alone, such as logs,reports' },
    }),
    placeholder: 'reports,exports',
  },
  S3_MAX_READ_BYTES: {
    description: 'Most bytes read_object returns per call (default 262144, at most 10485760).',
    schema: environmentInteger({ min: 1024, max: 10 * 1024 * 1024, default: 256 * 1024 }),
  },
  S3_MAX_WRITE_BYTES: {
    description: 'Largest object write_object accepts (default 10485760).',
    schema: environmentInteger({ min: 1, max: 5 * 1024 * 1024 * 1024, default: 10 * 1024 * 1024 }),
  },
  S3_ALLOW_WRITES: { description: 'Register write_object (default false).', schema: environmentBoolean() },
});
