import { createContractChecker } from '../src/contract-checker.js';
import { seedFakeJiraData } from '../src/fake-jira-data.js';
import { evaluateJql } from '../src/jql/evaluate-jql.js';
import { parseJql } from '../src/jql/jql-parser.js';
import { loadJiraSpec } from '../src/load-jira-spec.js';
import { startFakeJira } from '../src/start-fake-jira.js';

const now = new Date('2026-11-24T12:00:00Z');
const data = seedFakeJiraData({ now });
const context = { data, currentUser: data.users[0]!, now };
const keys = (jql: string) =>
  evaluateJql({ query: parseJql(jql), issues: data.issues, context }).map((issue) => issue.key);

describe('JQL', () => {
  it.each([
    ['project = SHOP AND status = Done', (key: string) => key.startsWith('SHOP-')],
    ['project in (OPS, HR) AND NOT status = Done', (key: string) => !key.startsWith('SHOP-')],
    ['summary ~ "checkout" OR text ~ "latency"', () => true],
    ['assignee = currentUser() AND created >= -30d', () => true],
    ['assignee IS EMPTY', () => true],
    ['labels in ("tech-debt") AND (priority = High OR priority = Highest)', () => true],
    ['created >= startOfWeek("-1w") ORDER BY priority ASC, created DESC', () => true],
  ])('evaluates %s', (jql, check) => {
    const found = keys(jql);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every(check)).toBe(true);
  });

  it('orders and filters exactly', () => {
    expect(keys('project = HR ORDER BY key ASC')).toEqual(['HR-1', 'HR-2']);
    expect(keys('project = HR ORDER BY key DESC')).toEqual(['HR-2', 'HR-1']);
    expect(keys('key = SHOP-1')).toEqual(['SHOP-1']);
    expect(keys('parent = SHOP-1')).toEqual(['SHOP-13']);
    expect(keys('project = SHOP AND project = OPS')).toEqual([]);
  });

  it.each([
    ['project = ', /Expecting either a value, list or function but got end of query/],
    ['project SHOP', /Expecting operator but got 'SHOP'/],
    ['nosuchfield = 1', /Field 'nosuchfield' does not exist/],
    ['summary = "x"', /The operator '=' is not supported by the 'summary' field/],
    ['created > "yesterday"', /Date value 'yesterday' for field 'created' is invalid/],
    ['assignee = nobodyFunction()', /Unable to find JQL function 'nobodyFunction\(\)'/],
    ['project = SHOP ORDER key', /Expecting 'by'/],
    ['summary ~ "unterminated', /has not been completed/],
  ])("rejects %s with Jira's message", (jql, message) => {
    expect(() => keys(jql)).toThrow(message);
  });
});

describe('OpenAPI contract checks', () => {
  const checker = createContractChecker({ spec: loadJiraSpec() });

  it('flags responses that do not match the spec', () => {
    expect(
      checker.checkResponse({
        method: 'GET',
        path: '/rest/api/3/search/jql',
        status: 200,
        body: { issues: [], isLast: true, invented: 1 },
      }),
    ).not.toEqual([]);
    expect(
      checker.checkResponse({
        method: 'GET',
        path: '/rest/api/3/search/jql',
        status: 200,
        body: { issues: [], isLast: true },
      }),
    ).toEqual([]);
  });

  it('flags requests that do not match the spec', () => {
    expect(
      checker.checkRequest({
        method: 'GET',
        path: '/rest/api/3/search/jql',
        query: new URLSearchParams('maxResults=many'),
      }),
    ).toEqual(['query parameter maxResults must be an integer']);
    expect(
      checker.checkRequest({
        method: 'POST',
        path: '/rest/api/3/issue/{issueIdOrKey}/transitions',
        query: new URLSearchParams(),
        body: { transition: 'x' },
      }),
    ).not.toEqual([]);
  });
});

describe('the fake server', () => {
  it('checks credentials, answers 410 for the retired search and rejects bad requests like Jira', async () => {
    const fake = await startFakeJira({ now });
    const basic = `Basic ${Buffer.from(`${fake.email}:${fake.apiToken}`).toString('base64')}`;
    try {
      expect((await fetch(`${fake.baseUrl}/rest/api/3/myself`)).status).toBe(401);
      expect((await fetch(`${fake.baseUrl}/rest/api/3/myself`, { headers: { authorization: basic } })).status).toBe(
        200,
      );
      expect(
        (await fetch(`${fake.baseUrl}/rest/api/3/search?jql=project=SHOP`, { headers: { authorization: basic } }))
          .status,
      ).toBe(410);
      const bad = await fetch(`${fake.baseUrl}/rest/api/3/search/jql?jql=project%3DSHOP&maxResults=lots`, {
        headers: { authorization: basic },
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({
        errorMessages: ['query parameter maxResults must be an integer'],
        errors: {},
      });
      expect(fake.mismatches.filter((mismatch) => mismatch.direction === 'response')).toEqual([]);
    } finally {
      await fake.stop();
    }
  });
});
