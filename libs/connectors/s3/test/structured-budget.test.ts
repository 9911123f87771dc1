import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '@connectormcp/services';
import {
  createStructuredBudgetCaller,
  spawnStdioClient,
  type SpawnedClient,
} from '@connectormcp/connector-kit/testing';
import { bigCsv, bigCsvRow, noisePng } from './support/preview-objects.js';
import { testEnvironment } from './support/test-store.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
// A structured budget well below the text's: the text must still never show what the structured content lacks.
const maxStructuredChars = 2000;
const bucket = 'structured-budget-oversized';
const longName = (index: number) => `structured-budget-${'b'.repeat(38)}-${String(index).padStart(2, '0')}`;
const longKey = (index: number) => `long/${String(index).padStart(4, '0')}-${'k'.repeat(200)}.txt`;

describe('S3 tools keep structuredContent within its budget', () => {
  let s3: SpawnedClient;
  const { call, calledTools } = createStructuredBudgetCaller({
    client: () => s3.client,
    maxStructuredChars,
  });

  beforeAll(async () => {
    const environment = testEnvironment();
    const client = createS3Client({
      endpoint: environment.S3_ENDPOINT_URL!,
      accessKeyId: environment.AWS_ACCESS_KEY_ID!,
      secretAccessKey: environment.AWS_SECRET_ACCESS_KEY!,
    });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    for (let index = 0; index < 30; index += 1) await client.send(new CreateBucketCommand({ Bucket: longName(index) }));
    const put = (key: string, body: string, extra: Record<string, unknown> = {}) =>
      client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ...extra }));
    for (let start = 0; start < 300; start += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, offset) => put(longKey(start + offset), 'x')));
    }
    await Promise.all(
      Array.from({ length: 60 }, (_, index) => put(`folders/${index}-${'f'.repeat(150)}/inside.txt`, 'x')),
    );
    // Quotes, backslashes and newlines: each takes two characters as JSON.
    await put('escapes.txt', '"\\\n'.repeat(400_000), { ContentType: 'text/plain' });
    await put('meta.txt', 'x', { Metadata: { first: 'm'.repeat(1500), second: 'n'.repeat(1500) } });
    await put('rows.csv', bigCsv({ rows: 500 }), { ContentType: 'text/csv' });
    await put('wide.csv', `id,blob\n1,${'w'.repeat(5000)}\n2,short\n`, { ContentType: 'text/csv' });
    await put('large.json', JSON.stringify(Array.from({ length: 300 }, (_, id) => ({ id, name: `n${id}` }))), {
      ContentType: 'application/json',
    });
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'photo.png',
        Body: noisePng({ width: 60, height: 60 }),
        ContentType: 'image/png',
      }),
    );
    client.destroy();
    s3 = await spawnStdioClient({
      args: [bin],
      env: testEnvironment({
        LOG_LEVEL: 'warn',
        MCP_RESULT_MAX_CHARS: '20000',
        MCP_STRUCTURED_MAX_CHARS: String(maxStructuredChars),
        S3_ALLOW_WRITES: 'true',
      }),
    });
  });
  afterAll(() => s3?.close());

  it('list_buckets shows the buckets that fit, in text and structured content alike', async () => {
    const report = await call({ name: 'list_buckets', expectTruncated: true });
    const shown = report.structured.buckets as unknown[];
    expect(shown.length).toBeGreaterThan(3);
    expect(report.text).toContain(`[truncated: showing ${shown.length} of `);
  });

  it('list_objects cuts a page of long keys and says how to see every key', async () => {
    const report = await call({
      name: 'list_objects',
      arguments: { bucket, prefix: 'long/', max_keys: 300 },
      expectTruncated: true,
    });
    const objects = report.structured.objects as Array<{ key: string }>;
    expect(objects[0]!.key).toBe(longKey(0));
    expect(objects.length).toBeGreaterThan(1);
    expect(report.text).toContain(`[truncated: showing ${objects.length} of 300 rows]`);
    expect(report.text).toContain(`Pass max_keys=${objects.length}`);
    expect(report.text).not.toContain(longKey(objects.length));
  });

  it('list_objects cuts folders too', async () => {
    const report = await call({
      name: 'list_objects',
      arguments: { bucket, prefix: 'folders/', delimiter: '/', max_keys: 1000 },
      expectTruncated: true,
    });
    const folders = report.structured.folders as string[];
    expect(folders.length).toBeGreaterThan(1);
    expect(folders.length).toBeLessThan(60);
    expect(report.text).toContain(`[and ${60 - folders.length} more folders]`);
  });

  it('search_objects returns the matches that fit and resumes after the last one shown', async () => {
    const first = await call({
      name: 'search_objects',
      arguments: { bucket, pattern: 'long/*.txt', max_results: 1000 },
      expectTruncated: true,
    });
    const matches = first.structured.matches as Array<{ key: string }>;
    expect(first.structured.complete).toBe(false);
    const next = await call({
      name: 'search_objects',
      arguments: {
        bucket,
        pattern: 'long/*.txt',
        max_results: 1000,
        cursor: first.structured.next_cursor,
      },
    });
    expect((next.structured.matches as Array<{ key: string }>)[0]!.key).toBe(longKey(matches.length));
  });

  it('read_object reads fewer bytes when their JSON would not fit, and goes on from there', async () => {
    const report = await call({
      name: 'read_object',
      arguments: { bucket, key: 'escapes.txt' },
      expectTruncated: true,
    });
    const content = report.structured.text as string;
    const nextOffset = report.structured.next_offset as number;
    expect(nextOffset).toBe(Buffer.byteLength(content));
    expect(content.length).toBeGreaterThan(300);
    // The text shows the same bytes, not the ten times more its own budget would allow.
    expect(report.text).toContain(`bytes 0-${nextOffset}`);
    const next = await call({
      name: 'read_object',
      arguments: { bucket, key: 'escapes.txt', offset: nextOffset },
      expectTruncated: true,
    });
    expect(next.structured.offset).toBe(nextOffset);
  });

  it('read_object keeps the table rows that fit, the text shows the same ones, and the next read goes on after them', async () => {
    const report = await call({ name: 'read_object', arguments: { bucket, key: 'rows.csv' }, expectTruncated: true });
    const table = report.structured.table as { columns: string[]; rows: string[][] };
    expect(table.columns).toEqual(['id', 'name', 'note']);
    expect(table.rows.length).toBeGreaterThan(3);
    expect(table.rows).toEqual(table.rows.map((_, index) => bigCsvRow(index)));
    expect(report.text).toContain(`[truncated: showing ${table.rows.length} of more than `);
    expect(report.text).not.toContain(`\n${table.rows.length}\tCustomer ${table.rows.length}, Ltd.`);
    const next = await call({
      name: 'read_object',
      arguments: { bucket, key: 'rows.csv', offset: report.structured.next_offset },
      expectTruncated: true,
    });
    expect((next.structured.table as { rows: string[][] }).rows[0]).toEqual(bigCsvRow(table.rows.length));
  });

  it('read_object caps a long cell with a marker', async () => {
    const report = await call({ name: 'read_object', arguments: { bucket, key: 'wide.csv' }, expectTruncated: true });
    const rows = (report.structured.table as { rows: string[][] }).rows;
    expect(rows[0]![1]).toMatch(/^w+… \[truncated: \d+ more characters\]$/);
  });

  it('read_object gives JSON larger than the budget as text, read on from an offset', async () => {
    const report = await call({ name: 'read_object', arguments: { bucket, key: 'large.json' }, expectTruncated: true });
    expect(report.structured).toMatchObject({ kind: 'json', next_offset: expect.any(Number) });
    expect(report.structured).not.toHaveProperty('json');
    expect((report.structured.text as string).startsWith('[{"id":0,"name":"n0"}')).toBe(true);
  });

  it('read_object leaves out an image larger than the budget and says so', async () => {
    const report = await call({ name: 'read_object', arguments: { bucket, key: 'photo.png' }, expectTruncated: true });
    expect(report.structured).toMatchObject({ kind: 'image', image: { media_type: 'image/png', data_base64: null } });
    expect(report.text).toMatch(/not included/);
  });

  it('head_object cuts long metadata values with a marker', async () => {
    const report = await call({ name: 'head_object', arguments: { bucket, key: 'meta.txt' }, expectTruncated: true });
    const metadata = report.structured.metadata as Record<string, string>;
    expect(Object.keys(metadata).sort()).toEqual(['first', 'second']);
    expect(metadata.first).toMatch(/^m+… \[truncated: \d+ more characters\]$/);
    expect(report.text).toContain(`metadata first: ${metadata.first}`);
  });

  it('write_object answers within the budget', async () => {
    await call({
      name: 'write_object',
      arguments: { bucket, key: `written/${'w'.repeat(200)}`, content: 'hello' },
      expectTruncated: false,
    });
  });

  it('every tool was called', async () => {
    const { tools } = await s3.client.listTools();
    expect(calledTools()).toEqual(tools.map((tool) => tool.name).sort());
    // Each tool cut its own output: the kit's generic backstop never had to.
    expect(s3.stderr()).not.toContain('was cut by the kit');
  });
});
