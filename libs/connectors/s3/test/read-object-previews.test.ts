// read_object describes content by kind (a table, parsed JSON, text, an image) through the real path:
// the built connector over stdio, the MCP SDK client (which validates structuredContent against the
// output schema), and the AWS SDK against s3rver.
import { jest } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { spawnStdioClient, type SpawnedClient } from '@connectormcp/connector-kit/testing';
import { readValueFormat } from '@connectormcp/connector-kit/value-format';
import { createS3Client } from '@connectormcp/services';
import { bigCsv, bigCsvRow, configJson, noisePng, peopleTsv, quotedCsv } from './support/preview-objects.js';
import { testEnvironment } from './support/test-store.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const bucket = 'previews';
const bigRows = 40_000;

interface ReadResult {
  kind: string;
  truncated: boolean;
  next_offset: number | null;
  bytes_read: number;
  table?: { columns: string[]; rows: string[][] };
  json?: unknown;
  text?: string;
  image?: { media_type: string; data_base64: string | null };
}

type CallResult = Awaited<ReturnType<SpawnedClient['client']['callTool']>>;
const textOf = (result: CallResult) =>
  (result.content as Array<{ text: string }>).map((block) => block.text).join('\n');

describe('read_object previews by content', () => {
  let s3: SpawnedClient;
  let bigCsvBytes = 0;
  const read = async (args: Record<string, unknown>) => {
    const result = await s3.client.callTool({ name: 'read_object', arguments: { bucket, ...args } });
    expect(result.isError).toBeFalsy();
    return { result, structured: result.structuredContent as unknown as ReadResult };
  };

  beforeAll(async () => {
    const environment = testEnvironment();
    const client = createS3Client({
      endpoint: environment.S3_ENDPOINT_URL!,
      accessKeyId: environment.AWS_ACCESS_KEY_ID!,
      secretAccessKey: environment.AWS_SECRET_ACCESS_KEY!,
    });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    const big = bigCsv({ rows: bigRows });
    bigCsvBytes = Buffer.byteLength(big);
    const objects: Array<[string, string | Buffer, string]> = [
      ['quoted.csv', quotedCsv, 'text/csv'],
      ['people.tsv', peopleTsv, 'text/tab-separated-values'],
      ['config.json', JSON.stringify(configJson), 'application/json'],
      ['lines.jsonl', '{"a":1}\n{"a":2}\n', 'application/x-ndjson'],
      ['pixel.png', noisePng({ width: 4, height: 4 }), 'image/png'],
      ['photo.png', noisePng({ width: 300, height: 300 }), 'image/png'],
      ['notes.txt', 'line one\nline two\n', 'text/plain'],
      ['big.csv', big, 'text/csv'],
    ];
    for (const [key, body, contentType] of objects) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    }
    client.destroy();
    s3 = await spawnStdioClient({ args: [bin], env: testEnvironment({ LOG_LEVEL: 'warn' }) });
  });
  afterAll(() => s3?.close());

  it('parses CSV with quoted commas, doubled quotes and line breaks inside quotes', async () => {
    const { result, structured } = await read({ key: 'quoted.csv' });
    expect(structured).toMatchObject({ kind: 'csv', truncated: false, next_offset: null });
    expect(structured.table).toEqual({
      columns: ['id', 'name', 'comment'],
      rows: [
        ['1', 'Lovelace, Ada', 'first line\nsecond line'],
        ['2', 'Hopper', 'said "hello", then left'],
        ['3', 'Café', '日本語, emoji 🎉'],
      ],
    });
    expect(structured.bytes_read).toBe(Buffer.byteLength(quotedCsv));
    expect(structured).not.toHaveProperty('text');
    // The model reads the same rows as a table (cells with line breaks are escaped in TSV).
    expect(textOf(result)).toContain('id\tname\tcomment\n1\tLovelace, Ada\t');
    expect(textOf(result)).toContain('(3 rows)');
  });

  it('parses TSV', async () => {
    const { structured } = await read({ key: 'people.tsv' });
    expect(structured).toMatchObject({ kind: 'tsv', truncated: false });
    expect(structured.table).toEqual({
      columns: ['name', 'city', 'note'],
      rows: [
        ['Ada', 'London', 'quoted, with comma'],
        ['Grace', 'New York', ''],
      ],
    });
  });

  it('gives JSON parsed, and JSON lines as text', async () => {
    const { result, structured } = await read({ key: 'config.json' });
    expect(structured).toMatchObject({ kind: 'json', truncated: false, json: configJson });
    expect(structured).not.toHaveProperty('text');
    expect(textOf(result)).toContain('"limits": {\n    "orders": 500');
    const lines = await read({ key: 'lines.jsonl' });
    expect(lines.structured).toMatchObject({ kind: 'json', text: '{"a":1}\n{"a":2}\n' });
    expect(lines.structured).not.toHaveProperty('json');
  });

  it('gives text as text', async () => {
    const { structured } = await read({ key: 'notes.txt' });
    expect(structured).toMatchObject({ kind: 'text', text: 'line one\nline two\n', truncated: false });
  });

  it('gives a small image whole and leaves a large one out, saying so', async () => {
    const pixel = await read({ key: 'pixel.png' });
    expect(pixel.structured).toMatchObject({ kind: 'image', truncated: false, image: { media_type: 'image/png' } });
    expect(Buffer.from(pixel.structured.image!.data_base64!, 'base64')).toEqual(noisePng({ width: 4, height: 4 }));
    const photo = await read({ key: 'photo.png' });
    expect(photo.structured).toMatchObject({
      kind: 'image',
      truncated: true,
      next_offset: null,
      image: { media_type: 'image/png', data_base64: null },
    });
    expect(textOf(photo.result)).toMatch(/an image larger than the .* this result can hold, not included/);
  });

  it(`reads a multi-megabyte CSV page by page from next_offset, every row once and in order`, async () => {
    expect(bigCsvBytes).toBeGreaterThan(2 * 1024 * 1024);
    const first = await read({ key: 'big.csv' });
    expect(first.structured).toMatchObject({ kind: 'csv', truncated: true });
    expect(first.structured.table!.columns).toEqual(['id', 'name', 'note']);
    expect(first.structured.table!.rows[0]).toEqual(bigCsvRow(0));
    const shown = first.structured.table!.rows.length;
    const marker = `[truncated: showing ${shown} of more than `;
    expect(textOf(first.result)).toContain(marker);
    expect(textOf(first.result)).toMatch(
      new RegExp(
        ` rows\\. Call read_object with offset=${first.structured.next_offset} for the next rows \\(the header comes again\\)\\.\\]$`,
      ),
    );
    // The default budget reads about 20 kB a call: a larger one walks the whole object in a few pages.
    const wide = await spawnStdioClient({
      args: [bin],
      env: testEnvironment({ LOG_LEVEL: 'warn', MCP_RESULT_MAX_CHARS: '400000' }),
    });
    let offset: number | null = first.structured.next_offset;
    let expected = shown;
    let pages = 1;
    try {
      while (offset !== null && pages < 30) {
        const result = await wide.client.callTool({
          name: 'read_object',
          arguments: { bucket, key: 'big.csv', offset },
        });
        const page = { structured: result.structuredContent as unknown as ReadResult };
        expect(page.structured.table!.columns).toEqual(['id', 'name', 'note']);
        const rows = page.structured.table!.rows;
        expect(rows[0]).toEqual(bigCsvRow(expected));
        expect(rows.at(-1)).toEqual(bigCsvRow(expected + rows.length - 1));
        expect(rows.map((row) => Number(row[0]))).toEqual(rows.map((_, index) => expected + index));
        expected += rows.length;
        expect(page.structured.bytes_read).toBeGreaterThan(0);
        offset = page.structured.next_offset;
        pages += 1;
      }
    } finally {
      await wide.close();
    }
    expect(expected).toBe(bigRows);
    expect(offset).toBeNull();
  });

  it('output schemas mark sizes as bytes, dates as date-time and ETags as identifiers, validated silently', async () => {
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { tools } = await s3.client.listTools();
      const property = (tool: string, ...path: string[]) => {
        let schema: unknown = tools.find((candidate) => candidate.name === tool)!.outputSchema;
        for (const step of path) schema = (schema as Record<string, Record<string, unknown>>)[step];
        return readValueFormat({ schema });
      };
      expect(property('read_object', 'properties', 'size_bytes')).toBe('bytes');
      expect(property('read_object', 'properties', 'bytes_read')).toBe('bytes');
      expect(property('read_object', 'properties', 'last_modified')).toBe('date-time');
      expect(property('read_object', 'properties', 'etag')).toBe('identifier');
      expect(property('head_object', 'properties', 'size_bytes')).toBe('bytes');
      expect(property('head_object', 'properties', 'etag')).toBe('identifier');
      expect(property('list_objects', 'properties', 'objects', 'items', 'properties', 'size_bytes')).toBe('bytes');
      expect(property('list_objects', 'properties', 'objects', 'items', 'properties', 'last_modified')).toBe(
        'date-time',
      );
      expect(property('search_objects', 'properties', 'matches', 'items', 'properties', 'last_modified')).toBe(
        'date-time',
      );
      expect(property('list_buckets', 'properties', 'buckets', 'items', 'properties', 'created')).toBe('date-time');
      const head = await s3.client.callTool({ name: 'head_object', arguments: { bucket, key: 'notes.txt' } });
      expect(head.structuredContent).toMatchObject({ last_modified: expect.stringMatching(/Z$/) });
      await s3.client.callTool({ name: 'list_buckets', arguments: {} });
      await s3.client.callTool({ name: 'list_objects', arguments: { bucket } });
      await read({ key: 'quoted.csv' });
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      warnings.mockRestore();
    }
  });
});
