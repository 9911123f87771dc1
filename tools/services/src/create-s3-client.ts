import { S3Client } from '@aws-sdk/client-s3';

/**
 * An SDK client for a local S3-protocol server, with the checksum settings s3rver needs (it would store
 * aws-chunked uploads with their framing otherwise). For tests, seeds and benchmarks only.
 */
export function createS3Client({
  endpoint,
  region = 'us-east-1',
  accessKeyId,
  secretAccessKey,
}: {
  endpoint: string;
  region?: string;
  accessKeyId: string;
  secretAccessKey: string;
}): S3Client {
  return new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
