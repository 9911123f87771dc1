import { GetObjectCommand, ListBucketsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import mysql from 'mysql2/promise';
import { startMariadb } from '../src/start-mariadb.js';
import { createS3Client } from '../src/create-s3-client.js';
import { startS3Server } from '../src/start-s3-server.js';

describe('startMariadb', () => {
  it('starts a server on loopback, keeps data across a restart, and removes everything on stop', async () => {
    const server = await startMariadb();
    try {
      expect(server.host).toBe('127.0.0.1');
      const connection = await mysql.createConnection(server.url);
      await connection.query('CREATE DATABASE probe');
      await connection.query('CREATE TABLE probe.t (id INT PRIMARY KEY)');
      await connection.query('INSERT INTO probe.t VALUES (1), (2)');
      await connection.end();

      await server.restart();
      const after = await mysql.createConnection(server.url);
      const [rows] = await after.query('SELECT COUNT(*) AS n FROM probe.t');
      expect(rows).toEqual([{ n: 2 }]);
      await after.end();
    } finally {
      await server.stop();
    }
    await expect(
      mysql.createConnection({
        host: server.host,
        port: server.port,
        user: server.user,
        password: server.password,
        connectTimeout: 1000,
      }),
    ).rejects.toThrow();
  });
});

describe('startS3Server', () => {
  it('serves the S3 protocol to the real SDK with the environment it hands out', async () => {
    const server = await startS3Server({ buckets: ['probe'] });
    try {
      const client = createS3Client(server);
      const { Buckets } = await client.send(new ListBucketsCommand({}));
      expect(Buckets?.map((bucket) => bucket.Name)).toEqual(['probe']);
      await client.send(new PutObjectCommand({ Bucket: 'probe', Key: 'a b/ü.txt', Body: 'hello' }));
      const object = await client.send(new GetObjectCommand({ Bucket: 'probe', Key: 'a b/ü.txt' }));
      // Stored without aws-chunked framing: the body comes back exactly as sent.
      expect(await object.Body?.transformToString()).toBe('hello');
      expect(server.environment).toMatchObject({
        S3_ENDPOINT_URL: server.endpoint,
        AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      });
      client.destroy();
    } finally {
      await server.stop();
    }
  });
});
