import { restrictJql } from './restrict-jql.js';

describe('restrictJql', () => {
  it('scopes a query to the allowed projects, keeping ORDER BY outside', () => {
    expect(restrictJql({ jql: 'status = Done ORDER BY created DESC', projects: ['SHOP'] })).toBe(
      'project in ("SHOP") AND (status = Done) ORDER BY created DESC',
    );
    expect(restrictJql({ jql: 'ORDER BY key', projects: ['A', 'B'] })).toBe('project in ("A", "B") ORDER BY key');
    expect(restrictJql({ jql: 'project = OPS OR project = SHOP', projects: ['SHOP'] })).toBe(
      'project in ("SHOP") AND (project = OPS OR project = SHOP)',
    );
  });

  it('does not split on ORDER BY inside quotes, and leaves queries alone without an allowlist', () => {
    expect(restrictJql({ jql: 'summary ~ "order by date"', projects: ['SHOP'] })).toBe(
      'project in ("SHOP") AND (summary ~ "order by date")',
    );
    expect(restrictJql({ jql: 'status = Done' })).toBe('status = Done');
  });
});
