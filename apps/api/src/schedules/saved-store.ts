import { randomBytes } from 'node:crypto';
import type { SavedItem } from '../contracts/index.js';
import { isoTimestamp } from '../database/chat-store.js';
import type { Database } from '../database/open-database.js';
import type { SavedRow } from './schedule-rows.js';

type SavedWithCount = SavedRow & { schedule_count: number | string };

export type NewSavedItem =
  | { kind: 'tool_call'; name: string; datasource: string; tool: string; arguments: Record<string, unknown> }
  | { kind: 'question'; name: string; question: string; datasources: string[] };

export interface SavedStore {
  create(options: { owner: string; item: NewSavedItem }): Promise<SavedItem>;
  /** The owner's, newest first. */
  list(options: { owner: string }): Promise<SavedItem[]>;
  /** Deletes the owner's item and, by cascade, its schedules; returns their ids, or undefined when it is not theirs. */
  delete(options: { owner: string; id: string }): Promise<{ scheduleIds: string[] } | undefined>;
}

const savedColumns = `id, owner, name, kind, datasource, tool, arguments, question, datasources, created_at`;

/** A row as the wire shows it: only the fields of its kind. */
export function toSavedItem(row: SavedWithCount): SavedItem {
  const common = { id: row.id, name: row.name, created_at: isoTimestamp(row.created_at) };
  const schedules = Number(row.schedule_count);
  return row.kind === 'tool_call'
    ? {
        ...common,
        kind: 'tool_call',
        datasource: row.datasource ?? '',
        tool: row.tool ?? '',
        arguments: row.arguments ?? {},
        schedules,
      }
    : { ...common, kind: 'question', question: row.question ?? '', datasources: row.datasources ?? [], schedules };
}

/** Saved tool calls and questions (`saved_items`), each its owner's alone. */
export function createSavedStore({ database }: { database: Database }): SavedStore {
  return {
    async create({ owner, item }) {
      const [row] = await database.query<SavedWithCount>(
        `INSERT INTO saved_items (id, owner, name, kind, datasource, tool, arguments, question, datasources)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb)
         RETURNING ${savedColumns}, 0 AS schedule_count`,
        [
          `sv_${randomBytes(12).toString('hex')}`,
          owner,
          item.name,
          item.kind,
          item.kind === 'tool_call' ? item.datasource : null,
          item.kind === 'tool_call' ? item.tool : null,
          item.kind === 'tool_call' ? JSON.stringify(item.arguments) : null,
          item.kind === 'question' ? item.question : null,
          item.kind === 'question' ? JSON.stringify(item.datasources) : null,
        ],
      );
      return toSavedItem(row!);
    },
    async list({ owner }) {
      const rows = await database.query<SavedWithCount>(
        `SELECT ${savedColumns}, (SELECT count(*) FROM schedules WHERE schedules.saved_id = saved_items.id) AS schedule_count
         FROM saved_items WHERE owner = $1 ORDER BY created_at DESC, id DESC`,
        [owner],
      );
      return rows.map(toSavedItem);
    },
    async delete({ owner, id }) {
      // One statement: the schedules read are exactly the ones the cascade deletes (the same snapshot).
      const [row] = await database.query<{ schedule_ids: string[] }>(
        `WITH gone AS (DELETE FROM saved_items WHERE id = $1 AND owner = $2 RETURNING id)
         SELECT COALESCE((SELECT json_agg(schedules.id) FROM schedules WHERE schedules.saved_id = gone.id), '[]') AS schedule_ids
         FROM gone`,
        [id, owner],
      );
      return row ? { scheduleIds: row.schedule_ids } : undefined;
    },
  };
}
