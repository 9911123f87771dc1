import { startFakeJira } from '@connectormcp/fake-jira';
import { describeConnectorConformance } from './support/describe-connector-conformance.js';

describeConnectorConformance({
  connector: 'jira',
  startBackend: async () => {
    const fake = await startFakeJira();
    return {
      env: { JIRA_BASE_URL: fake.baseUrl, JIRA_EMAIL: fake.email, JIRA_API_TOKEN: fake.apiToken },
      stop: () => fake.stop(),
    };
  },
});
