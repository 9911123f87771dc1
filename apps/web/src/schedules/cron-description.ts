import cronstrue from 'cronstrue';

/**
 * A five-field cron in words ("At 07:00, Monday through Friday"), or null when it cannot be read. cronstrue
 * (well kept, no dependencies, English only in this build) reads every cron form the server accepts; the
 * server's cron-parser stays the judge of what is valid.
 */
export function cronDescription({ cron }: { cron: string }): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  try {
    return cronstrue.toString(fields.join(' '), { use24HourTimeFormat: true, verbose: false });
  } catch {
    return null;
  }
}
