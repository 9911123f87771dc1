#!/usr/bin/env node
import { startConnectorBin } from '@connectormcp/connector-kit/bin';

await startConnectorBin({
  loadConnector: () => import('./s3-connector.js').then((module) => module.s3Connector),
  binName: 'connectormcp-s3',
  process,
});
