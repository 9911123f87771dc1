import type { ToolCallStatus } from './chat-events.js';
import { findTableProperty } from './find-table-property.js';
import type { JsonSchema } from './json-schema.js';

/**
 * One line for a tool card. Rows read better counted than by their header line ("3 rows", not "title
 * price"), but only where the tool's output schema declares a table; otherwise the text's first line.
 */
export function summarizeToolResult({
  status,
  text,
  structured,
  outputSchema,
}: {
  status: ToolCallStatus;
  text: string;
  structured?: unknown;
  outputSchema?: JsonSchema;
}): string {
  if (status === 'ok' && typeof structured === 'object' && structured !== null) {
    const property = findTableProperty({ outputSchema });
    const rows = property === undefined ? undefined : (structured as Record<string, unknown>)[property];
    if (Array.isArray(rows)) return `${rows.length} row${rows.length === 1 ? '' : 's'}`;
  }
  const first = text.split('\n').find((line) => line.trim()) ?? '';
  const prefix = status === 'ok' ? '' : `${status}: `;
  return shortenLine({ line: `${prefix}${first}`, maxLength: 200 });
}

// A card line cut mid-word ("did you mean SELEC") reads as a typo of ours; cut at a word and say so.
function shortenLine({ line, maxLength }: { line: string; maxLength: number }): string {
  if (line.length <= maxLength) return line;
  const cut = line.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
