import type { S3Client } from '@aws-sdk/client-s3';
import { mapS3Error } from './map-s3-error.js';
import type { S3Context } from './s3-context.js';

interface RedirectError {
  name?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
  Region?: string;
  message?: string;
}

/** The region a wrong-region error points to: the `x-amz-bucket-region` header, or the error body. */
export function regionFromRedirect(error: unknown): string | undefined {
  const redirect = (error ?? {}) as RedirectError;
  const isRedirect =
    redirect.name === 'PermanentRedirect' ||
    redirect.name === 'AuthorizationHeaderMalformed' ||
    redirect.$metadata?.httpStatusCode === 301;
  if (!isRedirect) return undefined;
  const header = redirect.$response?.headers?.['x-amz-bucket-region'];
  if (header) return header;
  if (redirect.Region) return redirect.Region;
  return /expecting '([a-z0-9-]+)'/.exec(redirect.message ?? '')?.[1];
}

/**
 * Sends a command about one bucket: checks the allowlist, uses the region learned for the bucket, and on
 * a wrong-region answer retries once in the bucket's region. Errors come back as ConnectorErrors naming the
 * bucket or key.
 */
export async function sendToBucket<Output>({
  context,
  bucket,
  key,
  signal,
  send,
}: {
  context: S3Context;
  bucket: string;
  key?: string;
  signal: AbortSignal;
  send: (client: S3Client, options: { abortSignal: AbortSignal }) => Promise<Output>;
}): Promise<Output> {
  context.assertBucketAllowed({ bucket });
  const known = context.bucketRegions.get(bucket);
  try {
    return await send(context.client(known ? { region: known } : {}), { abortSignal: signal });
  } catch (error) {
    const region = regionFromRedirect(error);
    if (region && region !== known) {
      context.bucketRegions.set(bucket, region);
      context.logger.info({ bucket, region }, 'bucket is in another region; retrying there');
      try {
        return await send(context.client({ region }), { abortSignal: signal });
      } catch (retryError) {
        throw mapS3Error(retryError, { bucket, ...(key ? { key } : {}) }) ?? retryError;
      }
    }
    throw mapS3Error(error, { bucket, ...(key ? { key } : {}) }) ?? error;
  }
}
