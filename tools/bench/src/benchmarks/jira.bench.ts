// Jira connector: search_issues (50 results) over stdio against the same jira.js call in this process,
// both against the fake Jira on loopback.
import { fileURLToPath } from 'node:url';
import { spawnStdioClient } from '@connectormcp/connector-kit/testing';
import { startFakeJira } from '@connectormcp/fake-jira';
import { createCloudClient } from 'jira.js';
import { defineBenchmark } from '../benchmark.ts';
import { measureRoundTrips } from '../measure-round-trips.ts';

const bin = fileURLToPath(import.meta.resolve('@connectormcp/jira').replace(/index\.js$/, 'bin.js'));
const jql = 'project in (SHOP, OPS, HR) ORDER BY created DESC';
const fields = ['summary', 'status', 'issuetype', 'priority', 'assignee', 'reporter', 'created', 'updated', 'labels'];

export default defineBenchmark({
  name: 'jira',
  async run() {
    const fake = await startFakeJira();
    // More issues than one page, so both sides fetch a full page of 50.
    const template = fake.data.issues[0]!;
    for (let index = 0; index < 60; index += 1)
      fake.data.issues.push({ ...template, id: String(90_000 + index), key: `SHOP-${100 + index}` });
    const connector = await spawnStdioClient({
      args: [bin],
      env: {
        JIRA_BASE_URL: fake.baseUrl,
        JIRA_EMAIL: fake.email,
        JIRA_API_TOKEN: fake.apiToken,
        LOG_LEVEL: 'warn',
        MCP_RESULT_MAX_CHARS: '100000',
      },
    });
    const jira = createCloudClient({
      host: fake.baseUrl,
      auth: { type: 'basic', email: fake.email, apiToken: fake.apiToken },
    });
    try {
      return await measureRoundTrips({
        benchmark: 'jira stdio round trip',
        iterations: 100,
        cases: [
          {
            metric: 'search_issues 50 results',
            operation: () => connector.client.callTool({ name: 'search_issues', arguments: { jql, max_results: 50 } }),
            baseline: () => jira.issueSearch.searchAndReconsileIssuesUsingJql({ jql, fields, maxResults: 50 }),
          },
        ],
      });
    } finally {
      await connector.close();
      await fake.stop();
    }
  },
});
