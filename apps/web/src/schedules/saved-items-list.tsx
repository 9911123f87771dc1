import type { SavedItem } from './schedule-types.js';
import { DateCell } from '../account/date-cell.js';
import { smallButtonClass } from '../admin/datasources/button-styles.js';
import { SavedItemDescription } from './saved-item-description.js';
import { kindLabel } from './schedule-table.js';
import { cellClass, headerClass, mutedClass } from './table-styles.js';

/** The caller's saved tool calls and questions: what each does, how many schedules run it; schedule or delete. */
export function SavedItemsList({
  saved,
  onSchedule,
  onDelete,
}: {
  saved: SavedItem[];
  onSchedule: (item: SavedItem) => void;
  onDelete: (item: SavedItem) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">Saved tool calls and questions</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <th scope="col" className={headerClass}>
              Saved
            </th>
            <th scope="col" className={headerClass}>
              Kind
            </th>
            <th scope="col" className={headerClass}>
              Schedules
            </th>
            <th scope="col" className={headerClass}>
              Created
            </th>
            <th scope="col" className={headerClass}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {saved.map((item) => (
            <tr key={item.id} data-testid="saved-item">
              <th scope="row" className={`${cellClass} text-left font-normal`}>
                <span className="block font-medium">{item.name}</span>
                <SavedItemDescription item={item} />
              </th>
              <td className={cellClass}>{kindLabel(item.kind)}</td>
              <td className={cellClass}>
                {item.schedules === 0 ? <span className={mutedClass}>None</span> : item.schedules}
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>
                <DateCell iso={item.created_at} />
              </td>
              <td className={`${cellClass} whitespace-nowrap text-right`}>
                <span className="inline-flex gap-1">
                  <button type="button" className={smallButtonClass} onClick={() => onSchedule(item)}>
                    Schedule<span className="sr-only"> {item.name}</span>
                  </button>
                  <button
                    type="button"
                    className={`${smallButtonClass} text-rose-800 dark:text-rose-300`}
                    onClick={() => onDelete(item)}
                  >
                    Delete<span className="sr-only"> {item.name}</span>
                  </button>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
