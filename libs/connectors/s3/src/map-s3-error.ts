import { ConnectorError } from '@connectormcp/connector-kit';

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: string;
  BucketName?: string;
  Key?: string;
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * Maps AWS SDK errors to stable codes. The SDK's messages can quote request details; the ones kept here
 * are written out, naming the bucket or key from the request, never a credential.
 */
export function mapS3Error(error: unknown, target: { bucket?: string; key?: string } = {}): ConnectorError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const sdk = error as SdkError;
  const name = sdk.name ?? '';
  const status = sdk.$metadata?.httpStatusCode;
  const where = target.key
    ? `s3://${target.bucket}/${target.key}`
    : target.bucket
      ? `bucket ${target.bucket}`
      : 'the resource';
  if (name === 'NoSuchBucket')
    return new ConnectorError({
      code: 'NOT_FOUND',
      message: `Bucket ${target.bucket ?? ''} does not exist.`.replace('  ', ' '),
      cause: error,
    });
  if (name === 'NoSuchKey' || ((name === 'NotFound' || status === 404) && target.key)) {
    return new ConnectorError({ code: 'NOT_FOUND', message: `Object ${where} does not exist.`, cause: error });
  }
  if (name === 'NotFound' || status === 404)
    return new ConnectorError({ code: 'NOT_FOUND', message: `${where} was not found.`, cause: error });
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(sdk.message ?? '')) {
    return new ConnectorError({
      code: 'ACCESS_DENIED',
      message:
        'No AWS credentials were found: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run with a role.',
      cause: error,
    });
  }
  if (
    ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'TokenRefreshRequired'].includes(
      name,
    )
  ) {
    return new ConnectorError({
      code: 'ACCESS_DENIED',
      message: `The store rejected the credentials (${name}): check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or AWS_PROFILE.`,
      cause: error,
    });
  }
  if (name === 'AccessDenied' || name === 'Forbidden' || status === 403) {
    return new ConnectorError({
      code: 'ACCESS_DENIED',
      message: `Access to ${where} was denied by its policy or the credentials' permissions.`,
      cause: error,
    });
  }
  if (name === 'SlowDown' || name === 'ThrottlingException' || status === 429 || status === 503) {
    return new ConnectorError({
      code: 'RATE_LIMITED',
      message: 'The store asked to slow down; try again shortly.',
      retryable: true,
      cause: error,
    });
  }
  if (name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed' || status === 301) {
    return new ConnectorError({
      code: 'INVALID_CONFIG',
      message: `${where} is in another region than AWS_REGION and could not be reached there; set AWS_REGION to the bucket's region.`,
      cause: error,
    });
  }
  if (name === 'TimeoutError' || name === 'RequestTimeout' || networkCodes.has(sdk.code ?? name)) {
    return new ConnectorError({
      code: 'UPSTREAM_UNAVAILABLE',
      message: `The S3 endpoint could not be reached (${sdk.code ?? name}); check S3_ENDPOINT_URL and the network.`,
      retryable: true,
      cause: error,
    });
  }
  if (name === 'AbortError')
    return new ConnectorError({ code: 'CANCELLED', message: 'The request was cancelled.', cause: error });
  if (name === 'InvalidRange')
    return new ConnectorError({
      code: 'INVALID_INPUT',
      message: `The offset is past the end of ${where}.`,
      cause: error,
    });
  return undefined;
}
