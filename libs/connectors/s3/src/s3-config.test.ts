import { s3ConfigFromEnvironment } from './s3-config.js';

function problem(environment: Record<string, string>): string {
  try {
    s3ConfigFromEnvironment({ environment });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('s3ConfigFromEnvironment', () => {
  it('reads an endpoint, the bucket allowlist and limits', () => {
    expect(
      s3ConfigFromEnvironment({
        environment: {
          S3_ENDPOINT_URL: 'http://localhost:9000',
          S3_FORCE_PATH_STYLE: 'TRUE',
          S3_BUCKETS: 'logs, reports',
          AWS_REGION: 'auto',
        },
      }),
    ).toMatchObject({
      endpoint: 'http://localhost:9000',
      forcePathStyle: true,
      allowedBuckets: ['logs', 'reports'],
      region: 'auto',
    });
  });

  it('names what is wrong with S3_ENDPOINT_URL', () => {
    expect(problem({ S3_ENDPOINT_URL: 'localhost:9000' })).toBe(
      'Invalid configuration: S3_ENDPOINT_URL: has no scheme: it must start with http:// or https://, e.g. http://localhost:9000 (got "localhost:9000")',
    );
    expect(problem({ S3_ENDPOINT_URL: 's3://logs' })).toContain(
      'S3_ENDPOINT_URL: the scheme s3:// is not supported: use http:// or https:// (this is the address of the store; bucket names go in S3_BUCKETS)',
    );
    expect(problem({ S3_ENDPOINT_URL: 'http://localhost:90000' })).toContain(
      'S3_ENDPOINT_URL: the port 90000 is out of range: expected 1 to 65535',
    );
  });

  it('refuses credentials in the endpoint without echoing them', () => {
    const message = problem({ S3_ENDPOINT_URL: 'http://AKIAEXAMPLE:wJalrXUtnFEMI@minio:9000' });
    expect(message).toContain(
      'S3_ENDPOINT_URL: must not contain a user name or password: the access key goes in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use a profile',
    );
    expect(message).not.toContain('wJalrXUtnFEMI');
    expect(message).not.toContain('AKIAEXAMPLE');
  });

  it('names a bucket entry that is not a bucket name, and an endpoint in the region', () => {
    expect(problem({ S3_BUCKETS: 'logs,s3://reports/2024' })).toContain(
      'S3_BUCKETS: "s3://reports/2024" is not a bucket name: list names alone, such as logs,reports',
    );
    expect(problem({ AWS_REGION: 'https://s3.eu-west-1.amazonaws.com' })).toContain(
      'AWS_REGION: expected a region name such as eu-west-1 (an endpoint goes in S3_ENDPOINT_URL)',
    );
    expect(problem({ S3_MAX_READ_BYTES: '10' })).toContain(
      'S3_MAX_READ_BYTES: 10 is out of range: expected a whole number from 1024 to 10485760',
    );
  });
});
