import { auditEntrySummary, durationText } from './audit-entry-summary.js';
import type { AuditEntry } from './audit-types.js';

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: 'a1',
  at: '2026-11-28T10:15:00.000Z',
  actor: { id: 'local', name: 'Local user' },
  action: 'tool_call',
  datasource: 'shop',
  tool: 'execute_query',
  arguments: null,
  status: 'ok',
  durationMs: null,
  sessionId: null,
  runId: null,
  detail: null,
  ...overrides,
});

describe('auditEntrySummary', () => {
  it('says what an entry was about in one line', () => {
    expect(auditEntrySummary({ entry: entry({ arguments: { sql: 'SELECT 1' } }) })).toBe('SELECT 1');
    expect(auditEntrySummary({ entry: entry({ arguments: { bucket: 'b', key: 'k' } }) })).toBe(
      '{"bucket":"b","key":"k"}',
    );
    expect(auditEntrySummary({ entry: entry({ action: 'question', detail: { question: 'How many?' } }) })).toBe(
      'How many?',
    );
    expect(
      auditEntrySummary({
        entry: entry({
          action: 'datasource_created',
          detail: { changed: ['name', 'kind'], secrets: ['MYSQL_URL'], headers: [] },
        }),
      }),
    ).toBe('Added with secret MYSQL_URL');
    expect(
      auditEntrySummary({
        entry: entry({
          action: 'datasource_updated',
          detail: { changed: ['enabled'], secrets: [], headers: ['Authorization'] },
        }),
      }),
    ).toBe('Changed: enabled, header Authorization');
    expect(auditEntrySummary({ entry: entry({ action: 'datasource_deleted', detail: { changed: [] } }) })).toBe(
      'Deleted',
    );
    expect(auditEntrySummary({ entry: entry({ arguments: { sql: 'x'.repeat(300) } }) })).toHaveLength(120);
  });

  it('writes durations in the unit that reads best', () => {
    expect(durationText({ milliseconds: null })).toBe('—');
    expect(durationText({ milliseconds: 85.4 })).toBe('85 ms');
    expect(durationText({ milliseconds: 2_440 })).toBe('2.4 s');
    expect(durationText({ milliseconds: 61_000 })).toBe('61 s');
  });
});
