import { createHash } from 'node:crypto';

/**
 * A queue job id made from what the job is for (a schedule and its occurrence, a firing): the same on every
 * instance, so whoever queues it (the chain, a restart's re-registration, another instance) queues the
 * same job, and pg-boss's insert (ON CONFLICT DO NOTHING on the id) keeps one. pg-boss ids are UUIDs:
 * this is one in form (version 8, custom), from a hash.
 */
export function stableJobId({ parts }: { parts: string[] }): string {
  const hex = createHash('sha256').update(parts.join('\n')).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
