import { S3Client } from '@aws-sdk/client-s3';
import type { Logger } from '@connectormcp/connector-kit';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ConnectorError } from '@connectormcp/connector-kit';
import type { S3Config } from './s3-config.js';

export interface S3Context {
  config: S3Config;
  logger: Logger;
  /** The client for a region (the configured one when omitted); clients are created once and reused. */
  client(options?: { region?: string }): S3Client;
  /** Regions learned from redirects, so later calls go straight to the right one. */
  bucketRegions: Map<string, string>;
  assertBucketAllowed(options: { bucket: string }): void;
  isBucketVisible(options: { bucket: string }): boolean;
  close(): Promise<void>;
}

/** Creates clients lazily: nothing connects, and credentials are resolved on the first request. */
export function createS3Context({ config, logger }: { config: S3Config; logger: Logger }): S3Context {
  const clients = new Map<string, S3Client>();
  const allowed = config.allowedBuckets ? new Set(config.allowedBuckets) : undefined;
  const client = ({ region }: { region?: string } = {}) => {
    const key = region ?? config.region ?? '';
    let existing = clients.get(key);
    if (!existing) {
      existing = new S3Client({
        ...(key ? { region: key } : {}),
        ...(config.endpoint ? { endpoint: config.endpoint } : {}),
        forcePathStyle: config.forcePathStyle,
        ...(config.credentials ? { credentials: config.credentials } : {}),
        // Fail fast on an unreachable endpoint instead of three slow retries.
        maxAttempts: 2,
        requestHandler: new NodeHttpHandler({ connectionTimeout: 5000, requestTimeout: 60_000 }),
      });
      clients.set(key, existing);
    }
    return existing;
  };
  return {
    config,
    logger,
    client,
    bucketRegions: new Map(),
    isBucketVisible: ({ bucket }) => !allowed || allowed.has(bucket),
    assertBucketAllowed({ bucket }) {
      if (allowed && !allowed.has(bucket)) {
        throw new ConnectorError({ code: 'ACCESS_DENIED', message: `Bucket ${bucket} is not in S3_BUCKETS.` });
      }
    },
    async close() {
      for (const existing of clients.values()) existing.destroy();
      clients.clear();
    },
  };
}
