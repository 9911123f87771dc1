import { useState } from 'react';

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] =>
  typeof value === 'object' && value !== null;

// One text run per line ("key": value), so the line reads and copies as the JSON it shows.
const leafColor = (value: unknown) =>
  typeof value === 'string'
    ? 'text-emerald-800 dark:text-emerald-300'
    : typeof value === 'number'
      ? 'text-sky-800 dark:text-sky-300'
      : 'text-purple-800 dark:text-purple-300';

function Node({
  name,
  value,
  depth,
  openDepth,
  last,
}: {
  name?: string;
  value: unknown;
  depth: number;
  openDepth: number;
  last: boolean;
}) {
  const [open, setOpen] = useState(depth < openDepth);
  const label =
    name === undefined ? null : <span className="text-slate-600 dark:text-slate-400">{JSON.stringify(name)}: </span>;
  const comma = last ? '' : ',';
  if (!isContainer(value))
    return (
      <li className={`break-all ${leafColor(value)}`}>
        {name === undefined ? '' : `${JSON.stringify(name)}: `}
        {JSON.stringify(value)}
        {comma}
      </li>
    );
  const entries: Array<[string | undefined, unknown]> = Array.isArray(value)
    ? value.map((item) => [undefined, item])
    : Object.entries(value);
  const [opening, closing] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0)
    return (
      <li>
        {label}
        {opening}
        {closing}
        {comma}
      </li>
    );
  const count = `${entries.length} ${Array.isArray(value) ? (entries.length === 1 ? 'item' : 'items') : entries.length === 1 ? 'key' : 'keys'}`;
  return (
    <li>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="-ml-4 w-4 text-slate-600 hover:text-slate-900 dark:text-slate-400 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-slate-100"
        aria-label={`${open ? 'Fold' : 'Unfold'} ${name ?? 'value'} (${count})`}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {label}
      {opening}
      {open ? (
        <>
          <ul className="ml-4 border-l border-slate-200 pl-4 dark:border-slate-700">
            {entries.map(([key, item], index) => (
              <Node
                key={key ?? index}
                {...(key === undefined ? {} : { name: key })}
                value={item}
                depth={depth + 1}
                openDepth={openDepth}
                last={index === entries.length - 1}
              />
            ))}
          </ul>
          {closing}
          {comma}
        </>
      ) : (
        <span className="text-slate-600 dark:text-slate-400">
          {' '}
          … {count} {closing}
          {comma}
        </span>
      )}
    </li>
  );
}

/**
 * JSON pretty-printed and foldable: each object or array has a button (Enter or Space) that folds it.
 * The first levels start open, deeper ones folded.
 */
export function JsonTree({ value, label, openDepth = 2 }: { value: unknown; label: string; openDepth?: number }) {
  return (
    <div
      className="max-h-96 overflow-auto rounded-md bg-slate-100 p-3 pl-7 font-mono text-xs dark:bg-slate-800"
      role="group"
      aria-label={label}
    >
      <ul>
        <Node value={value} depth={0} openDepth={openDepth} last />
      </ul>
    </div>
  );
}
