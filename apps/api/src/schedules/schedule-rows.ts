import type { ChatUsage } from '@connectormcp/orchestrator';
import type { RunDiff, RunResult } from '../contracts/index.js';

/** A `saved_items` row: a saved tool call (datasource, tool, arguments) or a saved question (question, datasources). */
export interface SavedRow {
  id: string;
  owner: string;
  name: string;
  kind: 'tool_call' | 'question';
  datasource: string | null;
  tool: string | null;
  arguments: Record<string, unknown> | null;
  question: string | null;
  datasources: string[] | null;
  created_at: Date;
}

/** A `schedules` row. */
export interface ScheduleRow {
  id: string;
  owner: string;
  saved_id: string;
  cron: string;
  timezone: string;
  paused: boolean;
  created_at: Date;
  updated_at: Date;
}

/** A `schedule_runs` row; its JSON columns hold the wire shapes of contracts/schedule.ts. */
export interface ScheduleRunRow {
  id: string;
  schedule_id: string;
  due_at: Date;
  trigger: 'schedule' | 'manual';
  status: 'running' | 'ok' | 'error';
  attempt: number;
  started_at: Date;
  finished_at: Date | null;
  result: RunResult | null;
  diff: RunDiff | null;
  metrics: Record<string, number> | null;
  error: { code: string; message: string } | null;
  usage: ChatUsage | null;
}
