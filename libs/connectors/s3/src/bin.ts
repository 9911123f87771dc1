#!/usr/bin/env node
import { runConnectorBin } from '@connectormcp/connector-kit';
import { s3Connector } from './s3-connector.js';

await runConnectorBin({ connector: s3Connector, binName: 'connectormcp-s3', process });
