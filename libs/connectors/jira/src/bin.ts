#!/usr/bin/env node
import { startConnectorBin } from '@connectormcp/connector-kit/bin';

await startConnectorBin({
  loadConnector: () => import('./jira-connector.js').then((module) => module.jiraConnector),
  binName: 'connectormcp-jira',
  process,
});
