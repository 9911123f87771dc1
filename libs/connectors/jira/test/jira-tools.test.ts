import { startFakeJira, type FakeJira } from '@connectormcp/fake-jira';
import { connectInMemory } from '@connectormcp/connector-kit/testing';
import { createJiraServer } from '../src/create-jira-server.js';
import type { JiraConfigInput } from '../src/jira-config.js';

type Connected = Awaited<ReturnType<typeof connectInMemory>> & { cleanup(): Promise<void> };
const textOf = (result: unknown) =>
  ((result as { content?: Array<{ text: string }> }).content ?? []).map((block) => block.text).join('\n');

describe('Jira connector against the contract-checked fake', () => {
  let fake: FakeJira;
  const open: Connected[] = [];
  beforeAll(async () => {
    fake = await startFakeJira({ now: new Date() });
  });
  afterAll(async () => {
    for (const connection of open) {
      await connection.close();
      await connection.cleanup();
    }
    expect(fake.mismatches).toEqual([]);
    await fake.stop();
  });

  async function connect(overrides: Partial<JiraConfigInput> = {}) {
    const { server, cleanup } = createJiraServer({
      baseUrl: fake.baseUrl,
      auth: { type: 'basic', email: fake.email, apiToken: fake.apiToken },
      // jira.js validates every response against its own schemas: a second contract check.
      strictResponses: true,
      ...overrides,
    });
    const connection = Object.assign(await connectInMemory({ server }), { cleanup });
    open.push(connection);
    return {
      ...connection,
      call: (name: string, args: Record<string, unknown>) => connection.client.callTool({ name, arguments: args }),
    };
  }

  it('pages through search results with tokens', async () => {
    const jira = await connect();
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const result = await jira.call('search_issues', {
        jql: 'project = SHOP ORDER BY key ASC',
        max_results: 5,
        ...(token ? { next_page_token: token } : {}),
      });
      expect(result.isError).toBeFalsy();
      const page = result.structuredContent as {
        issues: Array<{ key: string; status: string; assignee: string | null }>;
        next_page_token: string | null;
      };
      keys.push(...page.issues.map((issue) => issue.key));
      token = page.next_page_token ?? undefined;
      pages += 1;
    } while (token && pages < 10);
    expect(pages).toBe(3);
    expect(keys).toEqual(Array.from({ length: 13 }, (_, index) => `SHOP-${index + 1}`));
  });

  it("returns Jira's own message for invalid JQL", async () => {
    const jira = await connect();
    const result = await jira.call('search_issues', { jql: 'project = SHOP AND nosuchfield = 1' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(
      "INVALID_INPUT: Jira: Field 'nosuchfield' does not exist or you do not have permission to view it.",
    );
  });

  it('reads an issue with its description and comments as Markdown, subtasks, links and attachments', async () => {
    const jira = await connect();
    const result = await jira.call('get_issue', {
      key: 'SHOP-1',
      include: ['comments', 'subtasks', 'links', 'changelog'],
    });
    const issue = result.structuredContent as {
      description: string;
      comments: Array<{ body: string }>;
      subtasks: Array<{ key: string }>;
      links: Array<{ relation: string; key: string }>;
      attachments: Array<{ filename: string }>;
    };
    expect(issue.description).toContain('**Steps to reproduce**');
    expect(issue.description).toContain('- Step 1 for SHOP-1');
    expect(issue.description).toContain('```text\nerror code E000\n```');
    expect(issue.comments[0]!.body).toBe('I can reproduce this on `staging`.');
    expect(issue.subtasks.map((task) => task.key)).toEqual(['SHOP-13']);
    expect(issue.links).toEqual([expect.objectContaining({ relation: 'blocks', key: 'SHOP-5' })]);
    expect(issue.attachments).toEqual([{ filename: 'screenshot.png', size_bytes: 48_213, mime_type: 'image/png' }]);
    expect(textOf(result)).toMatch(/^# SHOP-1: Checkout fails for carts over 50 items/);
    const missing = await jira.call('get_issue', { key: 'SHOP-999' });
    expect(textOf(missing)).toMatch(/^NOT_FOUND: Issue does not exist/);
  });

  it('lists and reads projects', async () => {
    const jira = await connect();
    const list = await jira.call('list_projects', {});
    expect(
      (list.structuredContent as { projects: Array<{ key: string }> }).projects.map((project) => project.key),
    ).toEqual(['SHOP', 'OPS', 'HR']);
    const project = await jira.call('get_project', { key: 'shop' });
    expect(project.structuredContent).toMatchObject({
      key: 'SHOP',
      lead: 'Ada Lovelace',
      issue_types: ['Bug', 'Story', 'Task', 'Sub-task'],
      components: ['Checkout', 'Catalogue', 'Search'],
    });
  });

  it('registers write tools only with writes enabled, and writes Markdown as ADF', async () => {
    const readOnly = await connect();
    expect((await readOnly.client.listTools()).tools.map((tool) => tool.name)).toEqual([
      'search_issues',
      'get_issue',
      'list_projects',
      'get_project',
    ]);
    const jira = await connect({ allowWrites: true });
    const tools = (await jira.client.listTools()).tools;
    expect(tools.find((tool) => tool.name === 'update_issue')?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
    });
    const created = await jira.call('create_issue', {
      project: 'OPS',
      issue_type: 'Task',
      summary: 'Rotate keys',
      description: 'Rotate the **API keys**:\n\n- staging\n- production',
    });
    const { key } = created.structuredContent as { key: string };
    expect(key).toMatch(/^OPS-\d+$/);
    const read = await jira.call('get_issue', { key });
    expect((read.structuredContent as { description: string }).description).toBe(
      'Rotate the **API keys**:\n\n- staging\n- production',
    );
    await jira.call('add_comment', { key, body: 'Done for *staging*.' });
    const moved = await jira.call('transition_issue', { key, transition: 'start progress' });
    expect(moved.structuredContent).toMatchObject({ to: 'In Progress' });
    const wrong = await jira.call('transition_issue', { key, transition: 'Teleport' });
    expect(textOf(wrong)).toMatch(
      /^INVALID_INPUT: OPS-\d+ has no transition "Teleport". Valid now: "Send to review" \(id 21, to In Review\)/,
    );
    const updated = await jira.call('update_issue', {
      key,
      fields: { summary: 'Rotate all keys', labels: ['security'] },
    });
    expect(updated.isError).toBeFalsy();
    const after = await jira.call('get_issue', { key, include: ['comments'] });
    expect(after.structuredContent).toMatchObject({
      summary: 'Rotate all keys',
      labels: ['security'],
      status: 'In Progress',
      comments: [{ body: 'Done for *staging*.' }],
    });
  });

  it('keeps every tool inside JIRA_PROJECTS, including free JQL', async () => {
    const jira = await connect({ allowedProjects: ['SHOP'], allowWrites: true });
    const search = await jira.call('search_issues', { jql: 'project = OPS OR project = SHOP ORDER BY key ASC' });
    const keys = (search.structuredContent as { issues: Array<{ key: string }> }).issues.map((issue) => issue.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith('SHOP-'))).toBe(true);
    expect((search.structuredContent as { jql: string }).jql).toBe(
      'project in ("SHOP") AND (project = OPS OR project = SHOP) ORDER BY key ASC',
    );
    expect(textOf(await jira.call('get_issue', { key: 'OPS-1' }))).toBe(
      'ACCESS_DENIED: Project OPS is not in JIRA_PROJECTS.',
    );
    expect(textOf(await jira.call('get_project', { key: 'HR' }))).toBe(
      'ACCESS_DENIED: Project HR is not in JIRA_PROJECTS.',
    );
    expect(textOf(await jira.call('add_comment', { key: 'OPS-1', body: 'x' }))).toBe(
      'ACCESS_DENIED: Project OPS is not in JIRA_PROJECTS.',
    );
    expect((await jira.call('list_projects', {})).structuredContent).toEqual({
      projects: [expect.objectContaining({ key: 'SHOP' })],
      truncated: false,
    });
  });

  it('retries 429 after Retry-After, then reports RATE_LIMITED', async () => {
    const jira = await connect();
    fake.rateLimitNext({ count: 2, retryAfterSeconds: 0 });
    const ok = await jira.call('get_project', { key: 'SHOP' });
    expect(ok.isError).toBeFalsy();
    fake.rateLimitNext({ count: 5, retryAfterSeconds: 0 });
    const limited = await jira.call('get_project', { key: 'SHOP' });
    expect(textOf(limited)).toBe('RATE_LIMITED: Jira is rate limiting these requests; try again shortly.');
    fake.rateLimitNext({ count: 0, retryAfterSeconds: 0 });
  });

  it('names the credential variables on 401, never the token', async () => {
    const jira = await connect({ auth: { type: 'basic', email: fake.email, apiToken: 'wrong-token-123456' } });
    const result = await jira.call('search_issues', { jql: 'project = SHOP' });
    expect(textOf(result)).toBe('ACCESS_DENIED: Jira rejected the credentials: check JIRA_EMAIL and JIRA_API_TOKEN.');
    expect(JSON.stringify(result)).not.toContain('wrong-token-123456');
  });

  it('reads from Data Center with a personal access token over REST v2', async () => {
    const jira = await connect({ auth: { type: 'bearer', token: fake.personalAccessToken }, strictResponses: false });
    const search = await jira.call('search_issues', { jql: 'project = HR ORDER BY key ASC', max_results: 1 });
    const page = search.structuredContent as { issues: Array<{ key: string }>; next_page_token: string };
    expect(page.issues.map((issue) => issue.key)).toEqual(['HR-1']);
    const next = await jira.call('search_issues', {
      jql: 'project = HR ORDER BY key ASC',
      max_results: 1,
      next_page_token: page.next_page_token,
    });
    expect((next.structuredContent as { issues: Array<{ key: string }> }).issues.map((issue) => issue.key)).toEqual([
      'HR-2',
    ]);
    const issue = await jira.call('get_issue', { key: 'HR-1' });
    expect((issue.structuredContent as { description: string }).description).toContain('Steps to reproduce');
    const projects = await jira.call('list_projects', { query: 'ops' });
    expect(
      (projects.structuredContent as { projects: Array<{ key: string }> }).projects.map((project) => project.key),
    ).toEqual(['OPS']);
  });
});
