import type Anthropic from '@anthropic-ai/sdk';
import {
  runChat,
  runToolCall,
  type ChatEvent,
  type ChatUsage,
  type ConnectorHub,
  type ToolCallFinishedEvent,
} from '@connectormcp/orchestrator';
import type { Logger } from 'pino';
import type { ScheduleSettings } from '../api-config.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { RequestUser } from '../auth/request-user.js';
import type { RunResult } from '../contracts/index.js';
import type { Database } from '../database/open-database.js';
import type { DatasourceRegistry } from '../datasources/datasource-registry.js';
import { cutText, normalizeRunResult, runResultLimits } from './normalize-run-result.js';
import { ownerForRun } from './owner-for-run.js';
import type { SavedRow } from './schedule-rows.js';

export interface RunError {
  code: string;
  message: string;
}

export type ExecuteSavedResult =
  | { status: 'ok'; result: RunResult; usage: ChatUsage | null }
  | { status: 'error'; error: RunError; retryable: boolean; result: RunResult | null; usage: ChatUsage | null };

export interface ExecuteSavedOptions {
  saved: SavedRow;
  hub: ConnectorHub;
  registry: DatasourceRegistry;
  database: Database;
  auditLog: AuditLog;
  settings: Pick<ScheduleSettings, 'questionTokenLimit'>;
  environment: Record<string, string | undefined>;
  anthropic?: Anthropic;
  signal?: AbortSignal;
  /** The schedule this run belongs to, named in the audit entries of its tool calls. */
  scheduleId?: string;
  logger?: Logger;
}

/** Connector error codes that a later attempt may get past (the source was down or slow). */
const retryableCodes = new Set(['TIMEOUT', 'UPSTREAM_UNAVAILABLE', 'RATE_LIMITED']);

const errorMessageLength = 1_000;

const failed = ({
  code,
  message,
  retryable,
  result = null,
  usage = null,
}: {
  code: string;
  message: string;
  retryable: boolean;
  result?: RunResult | null;
  usage?: ChatUsage | null;
}): ExecuteSavedResult => ({
  status: 'error',
  error: { code, message: cutText({ text: message, maxBytes: errorMessageLength }).text },
  retryable,
  result,
  usage,
});

/**
 * One run of a saved item, as its owner with the owner's access now: a saved tool call runs without the
 * model (deterministic, free), and only while the tool is read-only; a saved question runs through the chat
 * loop over its datasources, never approving a write, within the token limit. Its tool calls are audited as
 * the owner's. Resolves with the bounded result or the error, and whether trying again later may help (the
 * source was down or timed out); it throws nothing.
 */
export async function executeSaved(options: ExecuteSavedOptions): Promise<ExecuteSavedResult> {
  const { saved, registry, database, logger } = options;
  try {
    const owner = await ownerForRun({ database, ownerId: saved.owner, mode: registry.mode });
    if ('error' in owner) return failed({ ...owner.error, retryable: false });
    await registry.sync();
    const datasources = saved.kind === 'tool_call' ? [saved.datasource ?? ''] : [...new Set(saved.datasources ?? [])];
    const usable = new Set(registry.usable(owner.user).map((datasource) => datasource.config.id));
    const refused = datasources.find((id) => !usable.has(id));
    if (refused !== undefined)
      return failed({
        code: 'forbidden',
        message: `The owner may not use the ${refused} datasource now (no access, disabled or removed).`,
        retryable: false,
      });
    return saved.kind === 'tool_call'
      ? await executeToolCall({ ...options, owner: owner.user })
      : await executeQuestion({ ...options, owner: owner.user, datasources });
  } catch (error) {
    // The database or a connector failed in a way nothing reported: another attempt may get through.
    logger?.error({ err: error, savedId: saved.id }, 'a saved item could not be run');
    return failed({
      code: 'internal_error',
      message: 'The run failed because of an error on our side.',
      retryable: true,
    });
  }
}

/** Records each finished tool call in the audit log as the owner's, naming the schedule. */
function toolCallAuditor({
  auditLog,
  owner,
  scheduleId,
}: {
  auditLog: AuditLog;
  owner: RequestUser;
  scheduleId: string | undefined;
}) {
  const argumentsById = new Map<string, unknown>();
  const records: Array<Promise<void>> = [];
  return {
    observe(event: ChatEvent) {
      if (event.type === 'tool_call_started' || event.type === 'approval_required')
        argumentsById.set(event.id, event.arguments);
      if (event.type !== 'tool_call_finished') return;
      records.push(
        auditLog.record({
          actor: owner,
          action: 'tool_call',
          datasource: event.datasource,
          tool: event.tool,
          arguments: argumentsById.get(event.id),
          status: event.status,
          durationMs: event.durationMs,
          detail: { schedule_id: scheduleId ?? null },
        }),
      );
    },
    flush: () => Promise.all(records),
  };
}

async function executeToolCall({
  saved,
  hub,
  auditLog,
  signal,
  scheduleId,
  owner,
}: ExecuteSavedOptions & { owner: RequestUser }): Promise<ExecuteSavedResult> {
  const auditor = toolCallAuditor({ auditLog, owner, scheduleId });
  let reported: Extract<ChatEvent, { type: 'error' }> | undefined;
  const { finished } = await runToolCall({
    hub,
    datasourceId: saved.datasource!,
    tool: saved.tool!,
    arguments: saved.arguments ?? {},
    // No approve: a tool that is no longer annotated read-only is refused, never run.
    onEvent: (event) => {
      if (event.type === 'error') reported ??= event;
      auditor.observe(event);
    },
    ...(signal ? { signal } : {}),
    // Well above the text a run keeps, so the cut (and its `truncated` flag) is ours, not the model's budget.
    toolResultTokens: runResultLimits.textBytes,
  });
  await auditor.flush();
  if (!finished) return unfinished({ reported, datasource: saved.datasource! });
  return toolCallOutcome({ finished, tool: saved.tool! });
}

/** A call that never reached the tool: the datasource was down, the tool is gone, or the run was cancelled. */
function unfinished({
  reported,
  datasource,
}: {
  reported: Extract<ChatEvent, { type: 'error' }> | undefined;
  datasource: string;
}): ExecuteSavedResult {
  if (reported?.code === 'cancelled')
    return failed({ code: 'cancelled', message: 'The run was cancelled (the server is stopping).', retryable: true });
  if (reported?.retryable)
    return failed({ code: 'datasource_unavailable', message: reported.message, retryable: true });
  return failed({
    code: 'tool_unavailable',
    message: reported?.message ?? `The ${datasource} datasource could not run the tool.`,
    retryable: false,
  });
}

function toolCallOutcome({ finished, tool }: { finished: ToolCallFinishedEvent; tool: string }): ExecuteSavedResult {
  switch (finished.status) {
    case 'ok':
      return {
        status: 'ok',
        result: normalizeRunResult({
          structured: finished.result,
          outputSchema: finished.outputSchema,
          text: finished.modelText,
        }),
        usage: null,
      };
    case 'denied':
      return failed({
        code: 'not_read_only',
        message: `The ${tool} tool is no longer read-only; a schedule runs only read-only tools.`,
        retryable: false,
      });
    case 'cancelled':
      return failed({ code: 'cancelled', message: 'The run was cancelled (the server is stopping).', retryable: true });
    default: {
      // A connector that failed without a code (it crashed, the call timed out) may do better next time.
      const code = finished.errorCode ?? 'tool_error';
      const retryable = finished.retryable === true || retryableCodes.has(code) || finished.errorCode === undefined;
      return failed({ code, message: finished.modelText, retryable });
    }
  }
}

/**
 * The first datasource whose source does not answer: one not known to be up is checked now (a cheap check
 * next to a model run); one that was down is checked again, as it may be back.
 */
async function unreachableDatasource({ hub, datasources }: { hub: ConnectorHub; datasources: string[] }) {
  for (const id of datasources) {
    const known = hub.health(id);
    const health = known.status === 'connected' || known.status === 'degraded' ? known : await hub.checkHealth(id);
    if (health.status === 'unreachable') return { id, reason: health.reason ?? 'its health check failed' };
  }
  return undefined;
}

async function executeQuestion({
  saved,
  hub,
  auditLog,
  settings,
  environment,
  anthropic,
  signal,
  scheduleId,
  owner,
  datasources,
}: ExecuteSavedOptions & { owner: RequestUser; datasources: string[] }): Promise<ExecuteSavedResult> {
  // A source that is down would leave the model without its tools: try again later rather than pay for an
  // answer without the data.
  const { failures } = await hub.tools({ datasourceIds: datasources });
  const down =
    failures.map((failure) => ({ id: failure.datasourceId, reason: failure.error }))[0] ??
    (await unreachableDatasource({ hub, datasources }));
  if (down)
    return failed({
      code: 'datasource_unavailable',
      message: `The ${down.id} datasource is unavailable: ${down.reason}`,
      retryable: true,
    });
  const question = saved.question ?? '';
  await auditLog.record({
    actor: owner,
    action: 'question',
    status: 'asked',
    detail: { question, schedule_id: scheduleId ?? null },
  });
  const auditor = toolCallAuditor({ auditLog, owner, scheduleId });
  let answer = '';
  const errors: Array<Extract<ChatEvent, { type: 'error' }>> = [];
  const run = await runChat({
    hub,
    messages: [{ role: 'user', content: question }],
    datasources,
    environment,
    ...(anthropic ? { anthropic } : {}),
    ...(signal ? { signal } : {}),
    // Nobody is there to approve: every write the model asks for is refused, and the model is told so.
    approve: async () => false,
    tokenBudget: settings.questionTokenLimit,
    onEvent: (event) => {
      if (event.type === 'text_delta') answer += event.text;
      if (event.type === 'error') errors.push(event);
      auditor.observe(event);
    },
  });
  await auditor.flush();
  const usage = run.usage.inputTokens + run.usage.outputTokens > 0 ? run.usage : null;
  const result = answer ? normalizeRunResult({ text: answer }) : null;
  const ended = errors.find((event) => event.code === run.stopReason);
  // A run stopped by the token budget is an error even when the model had written something: that text
  // is often a lead-in ("Let me check…") before the tool call that never came. It is kept as the result.
  if (!ended) return { status: 'ok', result: result ?? normalizeRunResult({ text: '' }), usage };
  if (ended.code === 'cancelled')
    return failed({ code: 'cancelled', message: ended.message, retryable: true, result, usage });
  return failed({ code: ended.code, message: ended.message, retryable: ended.retryable, result, usage });
}
