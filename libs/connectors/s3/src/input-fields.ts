import { z } from 'zod';

/** Input fields several S3 tools share, described once. */
export const bucketInput = z.string().min(3).max(63).describe('Bucket name.');
export const keyInput = z.string().min(1).max(1024).describe('Object key.');
