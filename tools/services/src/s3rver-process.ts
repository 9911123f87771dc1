// Runs s3rver in its own process. It needs --openssl-legacy-provider (its continuation tokens use DES),
// which must not leak into the test or connector processes.
import S3rver from 's3rver';

const port = Number(process.env.S3RVER_PORT ?? 0);
const directory = process.env.S3RVER_DIRECTORY ?? '';
const buckets = (process.env.S3RVER_BUCKETS ?? '').split(',').filter(Boolean);

const server = new S3rver({
  port,
  address: '127.0.0.1',
  directory,
  silent: true,
  configureBuckets: buckets.map((name) => ({ name, configs: [] })),
});
const address = await server.run();
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
const stop = () => {
  server.close().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
