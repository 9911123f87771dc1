import { toolDefiner } from '@connectormcp/connector-kit';
import type { S3Context } from './s3-context.js';

export const defineS3Tool = toolDefiner<S3Context>();
