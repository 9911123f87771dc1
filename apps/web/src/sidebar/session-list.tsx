import { useState } from 'react';
import type { SessionSummary } from '../api/api-types.js';
import { useDeleteSession, useRenameSession } from '../api/use-api-queries.js';
import { fullDateTime, relativeTime } from './relative-time.js';

function SessionRow({
  session,
  active,
  onSelect,
  onDeleted,
}: {
  session: SessionSummary;
  active: boolean;
  onSelect: (id: string) => void;
  onDeleted: (id: string) => void;
}) {
  const rename = useRenameSession();
  const remove = useDeleteSession();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(session.title);
  if (editing) {
    return (
      <li>
        <form
          className="flex gap-1 px-2 py-1"
          onSubmit={(event) => {
            event.preventDefault();
            if (title.trim()) rename.mutate({ id: session.id, title: title.trim() });
            setEditing(false);
          }}
        >
          <label htmlFor={`rename-${session.id}`} className="sr-only">
            New title
          </label>
          <input
            id={`rename-${session.id}`}
            autoFocus
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setEditing(false);
            }}
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
          <button type="submit" className="rounded px-2 text-xs text-indigo-600 dark:text-indigo-400">
            Save
          </button>
        </form>
      </li>
    );
  }
  return (
    <li
      className={`group flex items-center rounded-md ${active ? 'bg-slate-200 dark:bg-slate-800' : 'hover:bg-slate-100 dark:hover:bg-slate-800/60'}`}
    >
      <div className="flex min-w-0 flex-1 flex-col px-2 py-1">
        <button
          type="button"
          onClick={() => onSelect(session.id)}
          aria-current={active ? 'page' : undefined}
          aria-describedby={`session-${session.id}-date`}
          className="min-w-0 truncate text-left text-sm"
          title={session.title}
        >
          {session.title}
        </button>
        <time
          id={`session-${session.id}-date`}
          dateTime={session.updatedAt}
          title={fullDateTime({ date: new Date(session.updatedAt) })}
          className="text-xs text-slate-600 dark:text-slate-400"
        >
          {relativeTime({ date: new Date(session.updatedAt) })}
        </time>
      </div>
      <button
        type="button"
        onClick={() => {
          setTitle(session.title);
          setEditing(true);
        }}
        className="rounded px-1 text-xs text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
        aria-label={`Rename ${session.title}`}
      >
        Rename
      </button>
      <button
        type="button"
        onClick={() => {
          if (window.confirm(`Delete “${session.title}”? Its messages are deleted too.`))
            remove.mutate({ id: session.id }, { onSuccess: () => onDeleted(session.id) });
        }}
        className="rounded px-1 text-xs text-slate-600 hover:text-rose-700 dark:text-slate-300 dark:hover:text-rose-300"
        aria-label={`Delete ${session.title}`}
      >
        Delete
      </button>
    </li>
  );
}

/** Whether a chat's title holds the search, ignoring case and accents. */
export function matchesSearch({ title, search }: { title: string; search: string }): boolean {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLocaleLowerCase();
  return fold(title).includes(fold(search.trim()));
}

/** Conversations of this key, newest first, with when each was last used: new, search, switch, rename, delete. */
export function SessionList({
  sessions,
  activeId,
  onSelect,
  onNew,
  onDeleted,
}: {
  sessions: SessionSummary[];
  activeId: string | null;
  onSelect: (id: string) => void;
  onNew: () => void;
  onDeleted: (id: string) => void;
}) {
  const [search, setSearch] = useState('');
  const shown = sessions.filter((session) => matchesSearch({ title: session.title, search }));
  return (
    <section aria-labelledby="sessions-heading" className="min-h-0">
      <div className="flex items-center justify-between px-2">
        <h2
          id="sessions-heading"
          className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400"
        >
          Chats
        </h2>
        <button
          type="button"
          onClick={onNew}
          className="rounded px-2 py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-slate-800"
        >
          + New chat
        </button>
      </div>
      {sessions.length > 0 ? (
        <div className="mt-1 px-2">
          <label htmlFor="session-search" className="sr-only">
            Search chats
          </label>
          <input
            id="session-search"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Search chats"
            className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
      ) : null}
      {search.trim() && shown.length === 0 ? (
        <p className="px-2 py-2 text-sm text-slate-500 dark:text-slate-400" role="status">
          No chat title contains “{search.trim()}”.
        </p>
      ) : null}
      <ul className="mt-1 space-y-0.5">
        {shown.map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            active={session.id === activeId}
            onSelect={onSelect}
            onDeleted={onDeleted}
          />
        ))}
      </ul>
    </section>
  );
}
