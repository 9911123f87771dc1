#!/usr/bin/env node
import { runConnectorBin } from '@connectormcp/connector-kit';
import { jiraConnector } from './jira-connector.js';

await runConnectorBin({ connector: jiraConnector, binName: 'connectormcp-jira', process });
