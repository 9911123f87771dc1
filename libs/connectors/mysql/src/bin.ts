#!/usr/bin/env node
import { runConnectorBin } from '@connectormcp/connector-kit';
import { mysqlConnector } from './mysql-connector.js';

await runConnectorBin({ connector: mysqlConnector, binName: 'connectormcp-mysql', process });
