import { seedS3Sample, startS3Server } from '@connectormcp/services';
import { describeConnectorConformance } from './support/describe-connector-conformance.js';

describeConnectorConformance({
  connector: 's3',
  startBackend: async () => {
    const server = await startS3Server();
    await seedS3Sample({
      endpoint: server.endpoint,
      accessKeyId: server.accessKeyId,
      secretAccessKey: server.secretAccessKey,
    });
    return { env: { HOME: '/nonexistent', ...server.environment }, stop: () => server.stop() };
  },
});
