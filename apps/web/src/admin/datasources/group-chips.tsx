import { groupList } from './group-list.js';

/**
 * The groups typed so far, as tags, or in words what no group means. For the eye only: the input beside it
 * holds the same names.
 */
export function GroupChips({ text, whenEmpty }: { text: string; whenEmpty: string }) {
  const groups = groupList({ text });
  return (
    <div aria-hidden="true" className="flex flex-wrap gap-1 text-xs">
      {groups === null ? (
        <span className="text-slate-600 dark:text-slate-400">{whenEmpty}</span>
      ) : (
        groups.map((group) => (
          <span
            key={group}
            className="rounded-full bg-indigo-100 px-2 py-0.5 font-medium text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100"
          >
            {group}
          </span>
        ))
      )}
    </div>
  );
}
