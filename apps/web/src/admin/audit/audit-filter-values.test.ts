import { auditSearchParams, emptyAuditFilters } from './audit-filter-values.js';

describe('auditSearchParams', () => {
  it('sends only the filters that are set, and the "to" day whole', () => {
    const params = auditSearchParams({
      filters: { action: 'tool_call', actor: ' local ', datasource: '', fromDate: '2026-11-01', toDate: '2026-11-28' },
      limit: 50,
      before: 'cursor-1',
    });
    expect([...params.keys()]).toEqual(['limit', 'before', 'action', 'actor', 'from', 'to']);
    expect(params.get('actor')).toBe('local');
    expect(new Date(params.get('from')!).getTime()).toBe(new Date(2026, 10, 1).getTime());
    // The API's `to` is exclusive: the start of the next day.
    expect(new Date(params.get('to')!).getTime()).toBe(new Date(2026, 10, 29).getTime());
  });

  it('asks for everything without filters', () => {
    expect(auditSearchParams({ filters: emptyAuditFilters }).toString()).toBe('');
    expect(auditSearchParams({ filters: { ...emptyAuditFilters, fromDate: 'not a date' } }).toString()).toBe('');
  });
});
