import { gzipSync } from 'node:zlib';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client } from './create-s3-client.js';

export interface SeedS3SampleOptions {
  endpoint: string;
  region?: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket?: string;
}

// A 1×1 transparent PNG: a real binary object with a real signature.
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

function salesCsv({ quarter }: { quarter: number }): string {
  const lines = ['date,region,product,units,revenue'];
  const regions = ['EMEA', 'AMER', 'APAC'];
  const products = ['Espresso beans', 'Pour-over kit', 'Ceramic mug', 'Green tea'];
  for (let day = 0; day < 60; day += 1) {
    const month = String((quarter - 1) * 3 + 1 + Math.floor(day / 20)).padStart(2, '0');
    const date = `2026-${month}-${String((day % 20) + 1).padStart(2, '0')}`;
    const units = 10 + ((day * 7 + quarter * 13) % 90);
    lines.push(`${date},${regions[day % 3]},${products[day % 4]},${units},${(units * 12.5).toFixed(2)}`);
  }
  return `${lines.join('\n')}\n`;
}

function logLines(): string {
  const levels = ['INFO', 'INFO', 'INFO', 'WARN', 'ERROR'];
  return Array.from({ length: 2000 }, (_, index) => {
    const second = String(index % 60).padStart(2, '0');
    const minute = String(Math.floor(index / 60) % 60).padStart(2, '0');
    return `2026-11-20T10:${minute}:${second}Z ${levels[index % levels.length]} checkout request ${index} took ${20 + (index % 300)}ms`;
  }).join('\n');
}

/** Fills a bucket with the kinds of objects people ask about: CSV reports, JSON, gzipped logs, text, an image. */
export async function seedS3Sample({
  endpoint,
  region = 'us-east-1',
  accessKeyId,
  secretAccessKey,
  bucket = 'sample-data',
}: SeedS3SampleOptions): Promise<void> {
  const client = createS3Client({ endpoint, region, accessKeyId, secretAccessKey });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: { name?: string }) => {
      if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
    });
    const objects: Array<{
      key: string;
      body: string | Buffer;
      contentType: string;
      metadata?: Record<string, string>;
    }> = [
      {
        key: 'reports/2026/sales-q3.csv',
        body: salesCsv({ quarter: 3 }),
        contentType: 'text/csv',
        metadata: { owner: 'finance' },
      },
      {
        key: 'reports/2026/sales-q4.csv',
        body: salesCsv({ quarter: 4 }),
        contentType: 'text/csv',
        metadata: { owner: 'finance' },
      },
      {
        key: 'data/customers.json',
        body: JSON.stringify([
          { id: 1, name: 'Ada Lovelace', country: 'GB', tier: 'gold' },
          { id: 2, name: 'Grace Hopper', country: 'US', tier: 'silver' },
          { id: 3, name: 'Linus Torvalds', country: 'FI', tier: 'gold' },
        ]),
        contentType: 'application/json',
      },
      { key: 'logs/app-2026-11-20.log.gz', body: gzipSync(logLines()), contentType: 'application/gzip' },
      { key: 'images/logo.png', body: png, contentType: 'image/png' },
      {
        key: 'notes/readme.txt',
        body: 'Sample bucket for ConnectorMCP.\nÜnïcödé is welcome here: 日本語, emoji 🎉.\n',
        contentType: 'text/plain; charset=utf-8',
      },
      {
        key: 'notes/meeting notes 2026-11.txt',
        body: 'Agenda: Q4 review, hiring, coffee budget.\n',
        contentType: 'text/plain',
      },
      {
        key: 'notes/latin1.txt',
        body: Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e\n', 'latin1'),
        contentType: 'application/octet-stream',
      },
    ];
    for (const object of objects) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: object.key,
          Body: object.body,
          ContentType: object.contentType,
          ...(object.metadata ? { Metadata: object.metadata } : {}),
        }),
      );
    }
  } finally {
    client.destroy();
  }
}
