import type { SavedItem } from './schedule-types.js';

/** What a saved item does: the tool and its arguments on a datasource, or the question and where it is asked. */
export function SavedItemDescription({ item }: { item: SavedItem }) {
  if (item.kind === 'tool_call') {
    const args = JSON.stringify(item.arguments);
    return (
      <span className="block text-xs text-slate-600 dark:text-slate-400">
        <span className="font-mono">{item.tool}</span> on <span className="font-mono">{item.datasource}</span>
        {args !== '{}' ? (
          <code className="mt-0.5 block max-w-xl truncate font-mono" title={args}>
            {args}
          </code>
        ) : null}
      </span>
    );
  }
  return (
    <span className="block text-xs text-slate-600 dark:text-slate-400">
      “{item.question}” on {item.datasources.join(', ')}
    </span>
  );
}
