// Orchestrator: the loop's own cost per model turn against an instant fake model (baseline: the bare SDK
// stream to the same fake), and a tool call through the pooled connector against spawning the
// connector for each call.
import { fileURLToPath } from 'node:url';
import Anthropic from '@anthropic-ai/sdk';
import { spawnStdioClient } from '@connectormcp/connector-kit/testing';
import { startFakeAnthropic } from '@connectormcp/fake-anthropic';
import { createConnectorHub, runChat } from '@connectormcp/orchestrator';
import { seedMysqlSample, startMariadb } from '@connectormcp/services';
import { defineBenchmark, type BenchmarkRow } from '../benchmark.ts';
import { percentile, timeOperation } from '../measure.ts';

const mysqlBin = fileURLToPath(import.meta.resolve('@connectormcp/mysql').replace(/index\.js$/, 'bin.js'));

export default defineBenchmark({
  name: 'orchestrator',
  async run() {
    const mariadb = await startMariadb();
    const fake = await startFakeAnthropic({
      defaultTurn: () => ({ content: [{ type: 'text', text: 'Instant answer.' }] }),
    });
    const rows: BenchmarkRow[] = [];
    const env = { MYSQL_URL: `${mariadb.url}/shop`, LOG_LEVEL: 'warn' };
    const hub = createConnectorHub({
      datasources: [{ id: 'mysql', name: 'Shop', command: process.execPath, args: [mysqlBin], env }],
    });
    try {
      await seedMysqlSample({ url: mariadb.url, database: 'shop' });
      const anthropic = new Anthropic({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 0 });
      const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Hello' }];
      const loop = await timeOperation({
        iterations: 300,
        operation: () => runChat({ hub, anthropic, messages, datasources: ['mysql'], onEvent: () => {} }),
      });
      const bare = await timeOperation({
        iterations: 300,
        operation: () =>
          anthropic.messages.stream({ model: 'claude-sonnet-5-5', max_tokens: 100, messages }).finalMessage(),
      });
      const overhead = percentile({ samples: loop, p: 50 }) - percentile({ samples: bare, p: 50 });
      rows.push(
        {
          benchmark: 'orchestrator loop',
          metric: 'one turn, instant model p50',
          value: percentile({ samples: loop, p: 50 }),
          unit: 'ms',
          baseline: percentile({ samples: bare, p: 50 }),
        },
        {
          benchmark: 'orchestrator loop',
          metric: 'loop overhead per turn (p50 difference)',
          value: overhead,
          unit: 'ms',
          goal: '< 5 ms',
          met: overhead < 5,
        },
      );

      const call = () =>
        hub.callTool({
          datasourceId: 'mysql',
          name: 'execute_query',
          arguments: { sql: 'SELECT COUNT(*) FROM orders' },
        });
      const pooled = await timeOperation({ iterations: 100, operation: call });
      const spawned = await timeOperation({
        iterations: 15,
        warmup: 1,
        operation: async () => {
          const connection = await spawnStdioClient({ args: [mysqlBin], env });
          await connection.client.callTool({
            name: 'execute_query',
            arguments: { sql: 'SELECT COUNT(*) FROM orders' },
          });
          await connection.close();
        },
      });
      const speedup = percentile({ samples: spawned, p: 50 }) / percentile({ samples: pooled, p: 50 });
      rows.push(
        {
          benchmark: 'orchestrator pool',
          metric: 'tool call, pooled connector p50',
          value: percentile({ samples: pooled, p: 50 }),
          unit: 'ms',
          baseline: percentile({ samples: spawned, p: 50 }),
        },
        {
          benchmark: 'orchestrator pool',
          metric: 'speed-up of pooling over spawn-per-call',
          value: speedup,
          unit: 'x',
          goal: '>= 20x',
          met: speedup >= 20,
        },
      );
      return rows;
    } finally {
      await hub.close();
      await fake.stop();
      await mariadb.stop();
    }
  },
});
