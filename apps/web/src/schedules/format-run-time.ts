const runTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A run's time to the second in the reader's zone: runs asked for by hand can be seconds apart. */
export function formatRunTime({ time }: { time: string | number }): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : runTimeFormat.format(date);
}
