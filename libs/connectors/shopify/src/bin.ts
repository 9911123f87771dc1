#!/usr/bin/env node
import { startConnectorBin } from '@connectormcp/connector-kit/bin';

await startConnectorBin({
  loadConnector: () => import('./shopify-connector.js').then((module) => module.shopifyConnector),
  binName: 'connectormcp-shopify',
  process,
});
