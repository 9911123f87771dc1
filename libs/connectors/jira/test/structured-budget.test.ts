import { fileURLToPath } from 'node:url';
import { startFakeJira, type AdfNode, type FakeIssue, type FakeJira } from '@connectormcp/fake-jira';
import {
  createStructuredBudgetCaller,
  spawnStdioClient,
  type SpawnedClient,
} from '@connectormcp/connector-kit/testing';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const maxStructuredChars = 20_000;
const day = 86_400_000;
const words = (count: number, seed: string) => Array.from({ length: count }, (_, index) => `${seed}${index}`).join(' ');
const doc = (value: string): AdfNode => ({
  type: 'doc',
  attrs: { version: 1 },
  content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }],
});

/** A project whose issues are as large as Jira allows: long summaries, 30,000-character bodies, many comments. */
function addOversizedData(fake: FakeJira) {
  const [ada, grace] = fake.data.users;
  const now = Date.now();
  fake.data.projects.push({
    id: '19000',
    key: 'BIG',
    name: 'Big project',
    description: words(5000, 'description-'),
    lead: ada!.accountId,
    issueTypes: ['Bug', 'Task', 'Sub-task'],
    components: Array.from({ length: 200 }, (_, index) => `component ${index} ${'c'.repeat(40)}`),
    versions: Array.from({ length: 300 }, (_, index) => ({
      id: String(19_100 + index),
      name: `release ${index} ${'v'.repeat(40)}`,
      released: index < 200,
    })),
  });
  for (let index = 0; index < 150; index += 1) {
    fake.data.projects.push({
      id: String(20_000 + index),
      key: `LONG${index}`,
      name: `A project with a long name number ${index} ${'p'.repeat(150)}`,
      description: '',
      lead: grace!.accountId,
      issueTypes: ['Task'],
      components: [],
      versions: [],
    });
  }
  for (let index = 1; index <= 100; index += 1) {
    const created = new Date(now - index * day);
    const issue: FakeIssue = {
      id: String(30_000 + index),
      key: `BIG-${index}`,
      projectKey: 'BIG',
      summary: `Issue ${index} ${'s'.repeat(240)}`.slice(0, 255),
      description: doc(words(4000, `body-${index}-`).slice(0, 30_000)),
      status: 'To Do',
      type: 'Bug',
      priority: 'High',
      assignee: ada!.accountId,
      reporter: grace!.accountId,
      labels: Array.from({ length: 20 }, (_, label) => `label-${label}-${'l'.repeat(30)}`),
      components: [],
      created,
      updated: created,
      resolution: null,
      comments: Array.from({ length: index === 1 ? 25 : 0 }, (_, comment) => ({
        id: String(40_000 + comment),
        author: grace!.accountId,
        body: doc(words(4000, `comment-${comment}-`).slice(0, 30_000)),
        created: new Date(created.getTime() + comment * 60_000),
      })),
      changelog: Array.from({ length: index === 1 ? 200 : 0 }, (_, change) => ({
        id: String(50_000 + change),
        author: ada!.accountId,
        created: new Date(created.getTime() + change * 60_000),
        items: [{ field: 'summary', fromString: 'f'.repeat(500), toString: 't'.repeat(500) }],
      })),
      parent: null,
      links: [],
      attachments: Array.from({ length: index === 1 ? 100 : 0 }, (_, file) => ({
        id: String(60_000 + file),
        filename: `attachment-${file}-${'a'.repeat(100)}.png`,
        size: 1000,
        mimeType: 'image/png',
        created,
        author: ada!.accountId,
      })),
    };
    fake.data.issues.push(issue);
  }
}

describe('Jira tools keep structuredContent within its budget', () => {
  let fake: FakeJira;
  let jira: SpawnedClient;
  const { call, calledTools } = createStructuredBudgetCaller({
    client: () => jira.client,
    maxStructuredChars,
  });

  beforeAll(async () => {
    fake = await startFakeJira({ now: new Date() });
    addOversizedData(fake);
    jira = await spawnStdioClient({
      args: [bin],
      env: {
        JIRA_BASE_URL: fake.baseUrl,
        JIRA_EMAIL: fake.email,
        JIRA_API_TOKEN: fake.apiToken,
        JIRA_MAX_RESULTS: '100',
        JIRA_ALLOW_WRITES: 'true',
        LOG_LEVEL: 'warn',
        MCP_STRUCTURED_MAX_CHARS: String(maxStructuredChars),
      },
    });
  });
  afterAll(async () => {
    await jira?.close();
    expect(fake.mismatches).toEqual([]);
    await fake.stop();
  });

  it('search_issues keeps the issues that fit and says how to see the rest of the page', async () => {
    const report = await call({
      name: 'search_issues',
      arguments: { jql: 'project = BIG ORDER BY key ASC', max_results: 100 },
      expectTruncated: true,
    });
    const issues = report.structured.issues as Array<{ key: string }>;
    expect(issues.length).toBeGreaterThan(5);
    expect(issues.length).toBeLessThan(100);
    expect(report.text).toContain(`[truncated: showing ${issues.length} of 100 rows]`);
    expect(report.text).toContain(`Pass max_results=${issues.length}`);
  });

  it('get_issue cuts the description, comments and history, and the text shows the same cut issue', async () => {
    const report = await call({
      name: 'get_issue',
      arguments: { key: 'BIG-1', include: ['comments', 'changelog', 'subtasks', 'links'] },
      expectTruncated: true,
    });
    const issue = report.structured as { description: string; comments: Array<{ body: string }> };
    expect(issue.description).toMatch(/… \[truncated: \d+ more characters\]$/);
    expect(issue.comments.length).toBeGreaterThan(0);
    expect(issue.comments.length).toBeLessThanOrEqual(25);
    expect(report.text).toContain(issue.description.slice(-200));
    expect(report.text).toContain(`showing ${issue.comments.length} of 25 comments`);
    expect(report.text.match(/^\*\*Grace Hopper\*\*/gm)?.length ?? 0).toBeLessThanOrEqual(issue.comments.length);
  });

  it('get_project cuts a long description and long lists', async () => {
    const report = await call({ name: 'get_project', arguments: { key: 'BIG' }, expectTruncated: true });
    expect((report.structured.versions as unknown[]).length).toBeLessThan(300);
    expect(report.text).toContain((report.structured.description as string).slice(-100));
  });

  it('list_projects keeps the projects that fit', async () => {
    const report = await call({ name: 'list_projects', arguments: { max_results: 100 }, expectTruncated: true });
    const projects = report.structured.projects as unknown[];
    expect(report.text).toContain(`[truncated: showing ${projects.length} of `);
  });

  it('the write tools answer within the budget', async () => {
    const created = await call({
      name: 'create_issue',
      arguments: { project: 'BIG', issue_type: 'Task', summary: 's'.repeat(255), description: 'd'.repeat(30_000) },
      expectTruncated: false,
    });
    const key = created.structured.key as string;
    await call({ name: 'add_comment', arguments: { key, body: 'c'.repeat(30_000) }, expectTruncated: false });
    await call({
      name: 'update_issue',
      arguments: { key, fields: { labels: ['l'.repeat(200)] } },
      expectTruncated: false,
    });
    await call({ name: 'transition_issue', arguments: { key, transition: 'Start progress' }, expectTruncated: false });
    const read = await call({ name: 'get_issue', arguments: { key, include: ['comments'] }, expectTruncated: true });
    expect(read.structured.key).toBe(key);
  });

  it('every tool was called', async () => {
    const { tools } = await jira.client.listTools();
    expect(calledTools()).toEqual(tools.map((tool) => tool.name).sort());
    // Each tool cut its own output: the kit's generic backstop never had to.
    expect(jira.stderr()).not.toContain('was cut by the kit');
  });
});
