/** Every screen of the app; the views not listed in `views` (API keys) are reached from the user menu. */
export type View = 'chat' | 'explorer' | 'approvals' | 'schedules' | 'api-keys' | 'users' | 'datasources' | 'audit';

export interface ViewEntry {
  view: View;
  label: string;
  /** Shown to admins only (the API answers 403 to anyone else anyway). */
  adminOnly: boolean;
}

/** The sidebar's navigation, in order: everyone's views first, then the admin ones under "Admin". */
export const views: ViewEntry[] = [
  { view: 'chat', label: 'Chat', adminOnly: false },
  { view: 'explorer', label: 'Tool explorer', adminOnly: false },
  { view: 'approvals', label: 'Approvals', adminOnly: false },
  { view: 'schedules', label: 'Schedules', adminOnly: false },
  { view: 'datasources', label: 'Datasources', adminOnly: true },
  { view: 'users', label: 'Users', adminOnly: true },
  { view: 'audit', label: 'Audit', adminOnly: true },
];

const pillClass =
  'rounded-md px-2 py-1 text-sm aria-pressed:bg-white aria-pressed:font-medium aria-pressed:shadow-sm dark:aria-pressed:bg-slate-950';

function NavigationButton({
  entry,
  current,
  badge,
  onSelect,
  className,
}: {
  entry: ViewEntry;
  current: View;
  badge: number | undefined;
  onSelect: (view: View) => void;
  className: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={current === entry.view}
      onClick={() => onSelect(entry.view)}
      className={className}
    >
      {entry.label}
      {badge ? (
        <span className="ml-1 inline-block min-w-5 rounded-full bg-amber-700 px-1.5 text-center text-xs font-semibold text-white">
          {badge}
          <span className="sr-only"> waiting</span>
        </span>
      ) : null}
    </button>
  );
}

/** One row of views as a segmented control. */
function ViewGroup({
  entries,
  current,
  badges,
  onSelect,
  className,
}: {
  entries: ViewEntry[];
  current: View;
  badges: Partial<Record<View, number>>;
  onSelect: (view: View) => void;
  className: string;
}) {
  return (
    <div className={`${className} gap-1 rounded-lg bg-slate-200 p-1 dark:bg-slate-800`}>
      {entries.map((entry) => (
        <NavigationButton
          key={entry.view}
          entry={entry}
          current={current}
          badge={badges[entry.view]}
          onSelect={onSelect}
          className={`flex-1 ${pillClass}`}
        />
      ))}
    </div>
  );
}

/**
 * The views someone may open: the everyday ones as a segmented control, the admin ones (admins only) as a
 * list beneath; `badges` puts a count on an entry (approvals waiting).
 */
export function ViewNavigation({
  current,
  isAdmin,
  badges = {},
  onSelect,
}: {
  current: View;
  isAdmin: boolean;
  badges?: Partial<Record<View, number>>;
  onSelect: (view: View) => void;
}) {
  const everyone = views.filter((entry) => !entry.adminOnly);
  const admin = isAdmin ? views.filter((entry) => entry.adminOnly) : [];
  return (
    <nav aria-label="Views" className="space-y-2">
      <ViewGroup entries={everyone} current={current} badges={badges} onSelect={onSelect} className="flex flex-wrap" />
      {admin.length > 0 ? (
        <div>
          <h2 className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
            Admin
          </h2>
          <ViewGroup
            entries={admin}
            current={current}
            badges={badges}
            onSelect={onSelect}
            className="mt-1 flex flex-wrap"
          />
        </div>
      ) : null}
    </nav>
  );
}
