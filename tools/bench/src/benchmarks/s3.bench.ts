// S3 connector: list_objects and a 64 KiB read_object over stdio against the same SDK calls made in
// this process, and the connector's peak memory while reading from a 1 GiB object.
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { spawnStdioClient } from '@connectormcp/connector-kit/testing';
import { createS3Client, seedS3Sample, startS3Server } from '@connectormcp/services';
import { defineBenchmark, type BenchmarkRow } from '../benchmark.ts';
import { measureConnectorMemory } from '../measure-connector-memory.ts';
import { measureRoundTrips } from '../measure-round-trips.ts';

const bin = fileURLToPath(import.meta.resolve('@connectormcp/s3').replace(/index\.js$/, 'bin.js'));
const iterations = 200;
const gibibyte = 1024 * 1024 * 1024;

function generatedBody({ bytes }: { bytes: number }): Readable {
  const block = Buffer.alloc(1024 * 1024, 'connectormcp benchmark line\n');
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) return this.push(null);
      const chunk = block.subarray(0, Math.min(block.length, bytes - sent));
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

export default defineBenchmark({
  name: 's3',
  async run() {
    const server = await startS3Server({ buckets: ['bench'] });
    const client = createS3Client(server);
    const rows: BenchmarkRow[] = [];
    try {
      await seedS3Sample({
        endpoint: server.endpoint,
        accessKeyId: server.accessKeyId,
        secretAccessKey: server.secretAccessKey,
      });
      await client.send(
        new PutObjectCommand({
          Bucket: 'bench',
          Key: 'one-gib.log',
          Body: generatedBody({ bytes: gibibyte }),
          ContentLength: gibibyte,
        }),
      );
      const env = { ...server.environment, LOG_LEVEL: 'warn', MCP_RESULT_MAX_CHARS: '100000' };
      const connector = await spawnStdioClient({ args: [bin], env });
      try {
        const cases = [
          {
            metric: 'list_objects (sample bucket)',
            operation: () => connector.client.callTool({ name: 'list_objects', arguments: { bucket: 'sample-data' } }),
            baseline: () => client.send(new ListObjectsV2Command({ Bucket: 'sample-data', MaxKeys: 100 })),
          },
          {
            metric: 'read_object 64 KiB',
            operation: () =>
              connector.client.callTool({
                name: 'read_object',
                arguments: { bucket: 'bench', key: 'one-gib.log', max_bytes: 65_536 },
              }),
            baseline: async () => {
              const response = await client.send(
                new GetObjectCommand({ Bucket: 'bench', Key: 'one-gib.log', Range: 'bytes=0-65536' }),
              );
              return response.Body?.transformToByteArray();
            },
          },
        ];
        rows.push(...(await measureRoundTrips({ benchmark: 's3 stdio round trip', cases, iterations })));
      } finally {
        await connector.close();
      }
      rows.push(
        await measureConnectorMemory({
          benchmark: 's3 memory',
          metric: 'peak RSS reading across a 1 GiB object',
          bin,
          env,
          goalMegabytes: 120,
          workload: async (client) => {
            for (let offset = 0; offset < gibibyte; offset += 128 * 1024 * 1024) {
              const result = await client.callTool({
                name: 'read_object',
                arguments: { bucket: 'bench', key: 'one-gib.log', offset, max_bytes: 65_536 },
              });
              if (result.isError) throw new Error(JSON.stringify(result.content));
            }
          },
        }),
      );
      return rows;
    } finally {
      client.destroy();
      await server.stop();
    }
  },
});
