// Jira output schemas say what values are (date-time, date, identifier, bytes), the values are what the
// schema says (Jira's `+0000` offsets become RFC 3339), unassigned and absent values are null, and the
// MCP SDK client (AJV) validates it all without a word on the console.
import { jest } from '@jest/globals';
import { startFakeJira, type FakeJira } from '@connectormcp/fake-jira';
import { connectInMemory, type ConnectedClient } from '@connectormcp/connector-kit/testing';
import { readValueFormat } from '@connectormcp/connector-kit/value-format';
import { createJiraServer } from '../src/create-jira-server.js';

const itemProperties = (schema: unknown) =>
  (schema as { items: { properties: Record<string, unknown> } }).items.properties;
const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

describe('Jira value formats and nulls', () => {
  let fake: FakeJira;
  let connected: ConnectedClient;
  let cleanup: () => Promise<void>;
  let warnings: ReturnType<typeof jest.spyOn>;

  beforeAll(async () => {
    fake = await startFakeJira({ now: new Date() });
    const created = createJiraServer({
      baseUrl: fake.baseUrl,
      auth: { type: 'basic', email: fake.email, apiToken: fake.apiToken },
      strictResponses: true,
    });
    cleanup = created.cleanup;
    warnings = jest.spyOn(console, 'warn');
    connected = await connectInMemory({ server: created.server });
  });
  afterAll(async () => {
    warnings.mockRestore();
    await connected.close();
    await cleanup();
    expect(fake.mismatches).toEqual([]);
    await fake.stop();
  });

  const call = async (name: string, args: Record<string, unknown>) => {
    const result = await connected.client.callTool({ name, arguments: args });
    expect(result.isError).toBeFalsy();
    return result.structuredContent as Record<string, unknown>;
  };

  it('marks dates, due dates, account ids and sizes in the output schemas', async () => {
    const { tools } = await connected.client.listTools();
    const schemaOf = (name: string) =>
      tools.find((tool) => tool.name === name)!.outputSchema as { properties: Record<string, unknown> };
    const issueItem = itemProperties(schemaOf('search_issues').properties.issues);
    expect(readValueFormat({ schema: issueItem.created })).toBe('date-time');
    expect(readValueFormat({ schema: issueItem.updated })).toBe('date-time');
    expect(readValueFormat({ schema: issueItem.due })).toBe('date');
    const issue = schemaOf('get_issue').properties;
    expect(readValueFormat({ schema: issue.assignee_account_id })).toBe('identifier');
    expect(readValueFormat({ schema: issue.reporter_account_id })).toBe('identifier');
    expect(readValueFormat({ schema: issue.created })).toBe('date-time');
    const attachment = itemProperties(issue.attachments);
    expect(readValueFormat({ schema: attachment.size_bytes })).toBe('bytes');
    const comment = itemProperties(issue.comments);
    expect(readValueFormat({ schema: comment.created })).toBe('date-time');
    const version = itemProperties(schemaOf('get_project').properties.versions);
    expect(readValueFormat({ schema: version.release_date })).toBe('date');
  });

  it('sends RFC 3339 times and null for unassigned issues and absent values', async () => {
    const search = await call('search_issues', { jql: 'project = SHOP ORDER BY key ASC', max_results: 10 });
    const issues = search.issues as Array<Record<string, unknown>>;
    const unassigned = fake.data.issues.find((issue) => issue.projectKey === 'SHOP' && issue.assignee === null)!;
    const assigned = fake.data.issues.find((issue) => issue.projectKey === 'SHOP' && issue.assignee !== null)!;
    for (const issue of issues) {
      expect(issue.created).toMatch(rfc3339);
      expect(issue.updated).toMatch(rfc3339);
      expect(issue.due).toBeNull();
    }
    expect(issues.find((issue) => issue.key === unassigned.key)).toMatchObject({ assignee: null });
    // Same instant as Jira's own `+0000` time.
    const first = fake.data.issues.find((issue) => issue.key === issues[0]!.key)!;
    expect(Date.parse(issues[0]!.created as string)).toBe(first.created.getTime());

    const withoutAssignee = await call('get_issue', { key: unassigned.key });
    expect(withoutAssignee).toMatchObject({ assignee: null, assignee_account_id: null });
    const withAssignee = await call('get_issue', { key: assigned.key, include: ['comments', 'changelog'] });
    expect(withAssignee).toMatchObject({
      assignee_account_id: assigned.assignee,
      reporter_account_id: fake.data.issues.find((issue) => issue.key === assigned.key)!.reporter,
      created: expect.stringMatching(rfc3339),
    });
    for (const comment of withAssignee.comments as Array<{ created: string }>) expect(comment.created).toMatch(rfc3339);
    await call('get_project', { key: 'SHOP' });
    await call('list_projects', {});
    expect(warnings).not.toHaveBeenCalled();
  });
});
