export { createS3Server } from './create-s3-server.js';
export { packageVersion } from './package-version.js';
export { resolveS3Config, s3ConfigFromEnvironment, type S3Config, type S3ConfigInput } from './s3-config.js';
export { s3Connector } from './s3-connector.js';
export type { S3Context } from './s3-context.js';
export { s3Environment } from './s3-environment.js';
