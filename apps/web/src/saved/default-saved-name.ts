import type { SaveTarget } from './saved-types.js';

const maximumNameLength = 120;

/** A name to start from: the tool and where it runs, or the question's first line. */
export function defaultSavedName({ target, datasourceName }: { target: SaveTarget; datasourceName?: string }): string {
  if (target.kind === 'tool_call') return `${target.tool} on ${datasourceName ?? target.datasource}`;
  const firstLine = target.question.trim().split('\n')[0] ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 79).trimEnd()}…` : firstLine.slice(0, maximumNameLength);
}
