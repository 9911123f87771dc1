import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { AuditEntry } from './audit-log.js';
import { neutralizeSpreadsheetFormula } from './neutralize-spreadsheet-formula.js';

/** The export's columns, in order, as named in its header row. */
export const auditCsvColumns = [
  'at',
  'actor_id',
  'actor_name',
  'action',
  'datasource',
  'tool',
  'arguments',
  'status',
  'duration_ms',
  'session_id',
  'run_id',
  'detail',
  'id',
] as const;

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

const toRow = (entry: AuditEntry): string[] =>
  [
    entry.at,
    entry.actor.id,
    entry.actor.name,
    entry.action,
    entry.datasource ?? '',
    entry.tool ?? '',
    json(entry.arguments),
    entry.status,
    entry.durationMs === null ? '' : String(entry.durationMs),
    entry.sessionId ?? '',
    entry.runId ?? '',
    json(entry.detail),
    entry.id,
  ].map(neutralizeSpreadsheetFormula);

/** Writes entries as CSV (a header row, then one row per entry) to `output` as they are read: nothing is buffered whole. */
export async function writeAuditCsv({
  entries,
  output,
}: {
  entries: AsyncIterable<AuditEntry>;
  output: Writable;
}): Promise<void> {
  async function* rows() {
    for await (const entry of entries) yield toRow(entry);
  }
  await pipeline(Readable.from(rows()), stringify({ header: true, columns: [...auditCsvColumns] }), output);
}
