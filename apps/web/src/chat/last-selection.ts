const lastSelectionKey = 'connectormcp.lastSelection';

/** The datasources the last chat used in this browser: where a new chat starts. */
export function readLastSelection(): string[] | null {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(lastSelectionKey) ?? 'null') as unknown;
    return Array.isArray(stored) && stored.every((id) => typeof id === 'string') ? stored : null;
  } catch {
    return null;
  }
}

export function storeLastSelection({ datasourceIds }: { datasourceIds: string[] }): void {
  try {
    localStorage.setItem(lastSelectionKey, JSON.stringify(datasourceIds));
  } catch {
    // Private modes may refuse storage; the selection still lives with the chat on the server.
  }
}
