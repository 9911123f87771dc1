import { Readable } from 'node:stream';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client, seedS3Sample, startS3Server, type S3Server } from '@connectormcp/services';

declare global {
  var s3ServerForTests: S3Server | undefined;
}

export const largeObjectBytes = 200 * 1024 * 1024;
export const manyKeys = 2500;

/** One s3rver for the suite: the sample bucket, a bucket of 2,500 keys, and a 200 MB object. */
export default async function globalSetup(): Promise<void> {
  const server = await startS3Server({ buckets: ['many', 'large', 'scratch', 'private'] });
  globalThis.s3ServerForTests = server;
  await seedS3Sample({
    endpoint: server.endpoint,
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
  });
  const client = createS3Client(server);
  const keys = Array.from({ length: manyKeys }, (_, index) => `items/${String(index).padStart(5, '0')}.txt`);
  for (let start = 0; start < keys.length; start += 50) {
    await Promise.all(
      keys
        .slice(start, start + 50)
        .map((key) => client.send(new PutObjectCommand({ Bucket: 'many', Key: key, Body: key }))),
    );
  }
  await client.send(new PutObjectCommand({ Bucket: 'many', Key: 'odd names/ünïcode – file.txt', Body: 'unicode key' }));
  await client.send(new PutObjectCommand({ Bucket: 'private', Key: 'secret.txt', Body: 'not for you' }));
  const line = Buffer.from('0123456789abcdef'.repeat(4) + '\n');
  let sent = 0;
  const body = new Readable({
    read() {
      if (sent >= largeObjectBytes) return this.push(null);
      const chunk = Buffer.concat(Array.from({ length: 1024 }, () => line)).subarray(
        0,
        Math.min(65 * 1024, largeObjectBytes - sent),
      );
      sent += chunk.length;
      this.push(chunk);
    },
  });
  await client.send(
    new PutObjectCommand({
      Bucket: 'large',
      Key: 'big.log',
      Body: body,
      ContentLength: largeObjectBytes,
      ContentType: 'text/plain',
    }),
  );
  client.destroy();
  for (const [name, value] of Object.entries(server.environment)) process.env[`TEST_S3_${name}`] = value;
}
