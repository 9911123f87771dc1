// Starts the demo connector the way a connector's bin.ts does (plain Node, type stripping).
import { startConnectorBin } from '../../dist/cli/start-connector-bin.js';

await startConnectorBin({
  loadConnector: () => import('./demo-connector.ts').then((module) => module.demoConnector),
  binName: 'connectormcp-demo',
  process,
});
