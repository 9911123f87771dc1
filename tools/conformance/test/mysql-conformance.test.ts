import { seedMysqlSample, startMariadb } from '@connectormcp/services';
import { describeConnectorConformance } from './support/describe-connector-conformance.js';

describeConnectorConformance({
  connector: 'mysql',
  startBackend: async () => {
    const server = await startMariadb();
    await seedMysqlSample({ url: server.url, database: 'shop' });
    return {
      env: {
        MYSQL_HOST: server.host,
        MYSQL_PORT: String(server.port),
        MYSQL_USER: server.user,
        MYSQL_PASSWORD: server.password,
        MYSQL_DATABASE: 'shop',
      },
      stop: () => server.stop(),
    };
  },
});
