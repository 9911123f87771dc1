#!/usr/bin/env node
import { runConnectorBin } from '@connectormcp/connector-kit';
import { shopifyConnector } from './shopify-connector.js';

await runConnectorBin({ connector: shopifyConnector, binName: 'connectormcp-shopify', process });
