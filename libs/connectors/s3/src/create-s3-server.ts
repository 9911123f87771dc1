import { createConnectorServer, type ConnectorServer, type Logger } from '@connectormcp/connector-kit';
import { resolveS3Config, type S3Config, type S3ConfigInput } from './s3-config.js';
import { s3Connector } from './s3-connector.js';
import type { S3Context } from './s3-context.js';

/** An MCP server over S3 or an S3-compatible store; connect it to any transport, call `cleanup` when done. */
export function createS3Server(
  config: S3ConfigInput = {},
  { logger, maxResultChars }: { logger?: Logger; maxResultChars?: number } = {},
): ConnectorServer<S3Config, S3Context> {
  return createConnectorServer({
    connector: s3Connector,
    config: resolveS3Config(config),
    ...(logger ? { logger } : {}),
    ...(maxResultChars ? { maxResultChars } : {}),
  });
}
