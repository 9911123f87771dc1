import type { DatasourceHealth, DatasourceHealthStatus } from '../api/api-types.js';

// Each status has its own word and shape, so nothing depends on seeing the colour.
const looks: Record<DatasourceHealthStatus, { label: string; icon: string; style: string }> = {
  connected: { label: 'Connected', icon: '✓', style: 'text-emerald-800 dark:text-emerald-300' },
  degraded: { label: 'Degraded', icon: '!', style: 'text-amber-800 dark:text-amber-300' },
  unreachable: { label: 'Unreachable', icon: '✕', style: 'text-rose-800 dark:text-rose-300' },
  checking: { label: 'Checking…', icon: '…', style: 'text-slate-600 dark:text-slate-400' },
};

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** When the source was last checked and how long the check took, for a tooltip. */
export function healthDetails({ health }: { health: DatasourceHealth }): string | undefined {
  const parts = [
    health.checkedAt ? `Checked at ${timeFormat.format(new Date(health.checkedAt))}` : null,
    health.latencyMs !== null ? `${Math.round(health.latencyMs)} ms` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** A source's health in words: its status, and the reason when it is not simply connected. */
export function HealthBadge({ health, showReason = true }: { health: DatasourceHealth; showReason?: boolean }) {
  const look = looks[health.status] ?? looks.checking;
  return (
    <span className="inline-flex flex-col" data-testid="health-badge" data-status={health.status}>
      <span className={`inline-flex items-center gap-1 font-medium ${look.style}`} title={healthDetails({ health })}>
        <span
          aria-hidden="true"
          className="inline-flex h-3.5 w-3.5 items-center justify-center rounded-full border border-current text-[9px] leading-none"
        >
          {look.icon}
        </span>
        {look.label}
      </span>
      {showReason && health.reason && health.status !== 'connected' ? (
        <span className="mt-0.5 text-slate-700 dark:text-slate-300">{health.reason}</span>
      ) : null}
    </span>
  );
}
