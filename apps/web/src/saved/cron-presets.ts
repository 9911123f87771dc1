/** The usual schedules, one click each; anything else is typed as a cron. */
export const cronPresets = [
  { label: 'Every hour', cron: '0 * * * *' },
  { label: 'Every morning at 8:00', cron: '0 8 * * *' },
  { label: 'Every Monday at 9:00', cron: '0 9 * * 1' },
] as const;

/** The preset a cron is, ignoring spacing; null for a custom one. */
export function presetOfCron({ cron }: { cron: string }): (typeof cronPresets)[number] | null {
  const normalized = cron.trim().split(/\s+/).join(' ');
  return cronPresets.find((preset) => preset.cron === normalized) ?? null;
}
