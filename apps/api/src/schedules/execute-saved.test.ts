import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toolErrorMetaKey, type ConnectorHub, type HubTool } from '@connectormcp/orchestrator';
import type { AuditLog, AuditRecord } from '../audit/audit-log.js';
import type { Database } from '../database/open-database.js';
import type { DatasourceRegistry, ManagedDatasource } from '../datasources/datasource-registry.js';
import { executeSaved } from './execute-saved.js';
import type { SavedRow } from './schedule-rows.js';

const queryTool: HubTool = {
  datasourceId: 'db',
  datasourceName: 'Database',
  modelName: 'db__execute_query',
  readOnly: true,
  tool: { name: 'execute_query', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true } },
} as HubTool;

/** A hub whose one datasource answers every call with `answer` (or throws it). */
function stubHub({ answer, tools = [queryTool] }: { answer: () => Promise<CallToolResult>; tools?: HubTool[] }) {
  return {
    tools: async () => ({ tools, failures: [] }),
    callTool: answer,
  } as unknown as ConnectorHub;
}

const registry = {
  mode: 'local',
  sync: async () => {},
  usable: () => [{ config: { id: 'db' } } as ManagedDatasource],
} as unknown as DatasourceRegistry;

// Local mode without a users row: the one local person.
const database = { query: async () => [] } as unknown as Database;

const saved: SavedRow = {
  id: 'sv_1',
  owner: 'local',
  name: 'Orders',
  kind: 'tool_call',
  datasource: 'db',
  tool: 'execute_query',
  arguments: { sql: 'SELECT 1' },
  question: null,
  datasources: null,
  created_at: new Date(),
};

const failedWith = (code: string, retryable: boolean): CallToolResult => ({
  isError: true,
  content: [{ type: 'text', text: `failed: ${code}` }],
  _meta: { [toolErrorMetaKey]: { code, retryable } },
});

async function runWith(hub: ConnectorHub) {
  const records: AuditRecord[] = [];
  const auditLog = { record: async (entry: AuditRecord) => void records.push(entry) } as unknown as AuditLog;
  const outcome = await executeSaved({
    saved,
    hub,
    registry,
    database,
    auditLog,
    settings: { questionTokenLimit: 1000 },
    environment: {},
    scheduleId: 'sc_1',
  });
  return { outcome, records };
}

describe('executeSaved: how a tool call ends', () => {
  it('retries a timeout and a source that is down, not a query the source refused', async () => {
    const timeout = await runWith(stubHub({ answer: async () => failedWith('TIMEOUT', false) }));
    expect(timeout.outcome).toMatchObject({ status: 'error', error: { code: 'TIMEOUT' }, retryable: true });
    const down = await runWith(stubHub({ answer: async () => failedWith('UPSTREAM_UNAVAILABLE', true) }));
    expect(down.outcome).toMatchObject({ error: { code: 'UPSTREAM_UNAVAILABLE' }, retryable: true });
    const invalid = await runWith(stubHub({ answer: async () => failedWith('INVALID_INPUT', false) }));
    expect(invalid.outcome).toMatchObject({
      error: { code: 'INVALID_INPUT', message: 'failed: INVALID_INPUT' },
      retryable: false,
    });
    expect(invalid.records).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: 'local' }),
        action: 'tool_call',
        status: 'error',
        arguments: { sql: 'SELECT 1' },
        detail: { schedule_id: 'sc_1' },
      }),
    ]);
  });

  it('retries a connector that crashed, and says nothing of its stack', async () => {
    const crashed = await runWith(
      stubHub({
        answer: async () => {
          throw new Error('connection closed');
        },
      }),
    );
    expect(crashed.outcome).toMatchObject({ status: 'error', error: { code: 'tool_error' }, retryable: true });
    expect(crashed.outcome.status === 'error' && crashed.outcome.error.message).not.toMatch(/at .*\.ts:\d+/);
  });

  it('does not retry a tool the datasource no longer has', async () => {
    const gone = await runWith(stubHub({ answer: async () => failedWith('X', false), tools: [] }));
    expect(gone.outcome).toMatchObject({ status: 'error', error: { code: 'tool_unavailable' }, retryable: false });
    expect(gone.records).toEqual([]);
  });

  it('keeps a text result when the tool returns no table, and the error message short', async () => {
    const text = await runWith(stubHub({ answer: async () => ({ content: [{ type: 'text', text: 'All quiet.' }] }) }));
    expect(text.outcome).toEqual({
      status: 'ok',
      result: { columns: null, rows: null, row_count: null, truncated: false, text: 'All quiet.' },
      usage: null,
    });
    const long = await runWith(
      stubHub({
        answer: async () => ({
          ...failedWith('INVALID_INPUT', false),
          content: [{ type: 'text', text: 'e'.repeat(5000) }],
        }),
      }),
    );
    expect(long.outcome.status === 'error' && long.outcome.error.message.length).toBeLessThanOrEqual(1000);
  });
});
