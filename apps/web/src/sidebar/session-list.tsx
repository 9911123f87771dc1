import { useState } from 'react';
import type { SessionSummary } from '../api/api-types.js';
import { useDeleteSession, useRenameSession } from '../api/use-api-queries.js';

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
      <button
        type="button"
        onClick={() => onSelect(session.id)}
        aria-current={active ? 'page' : undefined}
        className="min-w-0 flex-1 truncate px-2 py-1.5 text-left text-sm"
        title={session.title}
      >
        {session.title}
      </button>
      <button
        type="button"
        onClick={() => {
          setTitle(session.title);
          setEditing(true);
        }}
        className="rounded px-1 text-xs text-slate-500 opacity-70 hover:text-slate-900 group-hover:opacity-100 dark:hover:text-white"
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
        className="rounded px-1 text-xs text-slate-500 opacity-70 hover:text-rose-600 group-hover:opacity-100"
        aria-label={`Delete ${session.title}`}
      >
        Delete
      </button>
    </li>
  );
}

/** Conversations of this key, newest first: new, switch, rename, delete. */
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
  return (
    <section aria-labelledby="sessions-heading" className="min-h-0">
      <div className="flex items-center justify-between px-2">
        <h2 id="sessions-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
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
      <ul className="mt-1 space-y-0.5">
        {sessions.map((session) => (
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
