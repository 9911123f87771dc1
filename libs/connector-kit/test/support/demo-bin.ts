// Runs the demo connector the way a published connector's bin does (plain Node, type stripping).
import { runConnectorBin } from '../../dist/index.js';
import { demoConnector } from './demo-connector.ts';

await runConnectorBin({ connector: demoConnector, binName: 'connectormcp-demo', process });
