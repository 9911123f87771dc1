#!/usr/bin/env node
import { startConnectorBin } from '@connectormcp/connector-kit/bin';

await startConnectorBin({
  loadConnector: () => import('./mysql-connector.js').then((module) => module.mysqlConnector),
  binName: 'connectormcp-mysql',
  process,
});
