import { fullDateTime, relativeTime } from '../sidebar/relative-time.js';

/** A date as "5 minutes ago" with the full date on hover and for screen readers; `empty` when there is none. */
export function DateCell({ iso, empty = 'Never' }: { iso: string | null; empty?: string }) {
  if (!iso) return <>{empty}</>;
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={fullDateTime({ date })}>
      {relativeTime({ date })}
    </time>
  );
}
