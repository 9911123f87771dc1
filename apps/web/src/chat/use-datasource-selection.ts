import { useCallback, useState } from 'react';
import type { Datasource, SessionSummary } from '../api/api-types.js';
import { useSaveSessionDatasources } from '../api/use-api-queries.js';
import { readLastSelection, storeLastSelection } from './last-selection.js';

// The key of the chat that has no session yet (a new chat before its first message).
const newChat = '';

/** The selection a chat starts from when it has none of its own: the last one used, else every source up. */
export function defaultSelection({ datasources }: { datasources: Datasource[] }): string[] {
  return (
    readLastSelection() ??
    datasources.filter((datasource) => datasource.health.status !== 'unreachable').map((datasource) => datasource.id)
  );
}

/**
 * Which datasources the current chat uses. The selection belongs to the chat: an open session's comes
 * from the server (restored on reload and switch) and changes are saved with it; a new chat starts from
 * the last selection used in this browser and is saved by its first message.
 */
export function useDatasourceSelection({
  sessionId,
  sessions,
  datasources,
}: {
  sessionId: string | null;
  sessions: SessionSummary[];
  datasources: Datasource[];
}) {
  const save = useSaveSessionDatasources();
  // Changes made on this page, by chat, so a saved change shows before the server's list is fetched again.
  const [changes, setChanges] = useState<Record<string, string[]>>({});
  const key = sessionId ?? newChat;
  const saved = sessionId ? sessions.find((session) => session.id === sessionId)?.datasources : undefined;
  const chosen = changes[key] ?? (saved && saved.length > 0 ? saved : defaultSelection({ datasources }));
  // Sources no longer configured drop out; until the list is known, nothing is dropped.
  const known = new Set(datasources.map((datasource) => datasource.id));
  const selectedIds = datasources.length > 0 ? chosen.filter((id) => known.has(id)) : chosen;

  const { mutate } = save;
  const setSelection = useCallback(
    (datasourceIds: string[]) => {
      setChanges((current) => ({ ...current, [key]: datasourceIds }));
      storeLastSelection({ datasourceIds });
      if (sessionId) mutate({ id: sessionId, datasources: datasourceIds });
    },
    [key, sessionId, mutate],
  );

  const toggle = useCallback(
    (datasourceId: string) =>
      setSelection(
        selectedIds.includes(datasourceId)
          ? selectedIds.filter((id) => id !== datasourceId)
          : [...selectedIds, datasourceId],
      ),
    [selectedIds, setSelection],
  );

  /** A message was sent with this selection: it is now the chat's (the server saved it) and the last used. */
  const sent = useCallback(({ sessionId: sentIn, datasourceIds }: { sessionId: string; datasourceIds: string[] }) => {
    storeLastSelection({ datasourceIds });
    setChanges(({ [newChat]: _draft, ...rest }) => ({ ...rest, [sentIn]: datasourceIds }));
  }, []);

  /** A new chat starts again from the last selection used. */
  const startNewChat = useCallback(() => setChanges(({ [newChat]: _draft, ...rest }) => rest), []);

  return { selectedIds, setSelection, toggle, sent, startNewChat, saveError: save.error };
}
