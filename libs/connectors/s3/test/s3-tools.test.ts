import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { spawnStdioClient, type SpawnedClient } from '@connectormcp/connector-kit/testing';
import { testEnvironment } from './support/test-store.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
type CallResult = Awaited<ReturnType<SpawnedClient['client']['callTool']>>;
const textOf = (result: CallResult) =>
  (result.content as Array<{ text: string }>).map((block) => block.text).join('\n');

async function start(env: Record<string, string> = {}) {
  const connection = await spawnStdioClient({ args: [bin], env: testEnvironment({ LOG_LEVEL: 'warn', ...env }) });
  return Object.assign(connection, {
    call: (name: string, args: Record<string, unknown>) => connection.client.callTool({ name, arguments: args }),
  });
}

describe('S3 connector over stdio against s3rver', () => {
  let s3: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    s3 = await start({ MCP_RESULT_MAX_CHARS: '200000' });
  });
  afterAll(() => s3.close());

  it('lists buckets', async () => {
    const result = await s3.call('list_buckets', {});
    const names = (result.structuredContent as { buckets: Array<{ name: string; created: string }> }).buckets.map(
      (bucket) => bucket.name,
    );
    expect(names).toEqual(expect.arrayContaining(['sample-data', 'many', 'large', 'private']));
  });

  it('pages through 2,500 keys with cursors, seeing each key once', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const result = await s3.call('list_objects', {
        bucket: 'many',
        prefix: 'items/',
        max_keys: 1000,
        ...(cursor ? { cursor } : {}),
      });
      const page = result.structuredContent as {
        objects: Array<{ key: string; size: string; size_bytes: number }>;
        next_cursor: string | null;
      };
      for (const object of page.objects) seen.add(object.key);
      cursor = page.next_cursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.size).toBe(2500);
  });

  it('separates folders from objects with a delimiter', async () => {
    const result = await s3.call('list_objects', { bucket: 'sample-data', delimiter: '/' });
    const listing = result.structuredContent as { folders: string[]; objects: unknown[] };
    // s3rver 3.7 leaves out prefixes whose keys are nested deeper ('reports/2026/…'); S3 lists them too.
    expect(listing.folders).toEqual(expect.arrayContaining(['data/', 'images/', 'logs/', 'notes/']));
    expect(listing.objects).toEqual([]);
    const reports = await s3.call('list_objects', { bucket: 'sample-data', prefix: 'reports/2026/', delimiter: '/' });
    expect(
      (reports.structuredContent as { objects: Array<{ key: string; size: string }> }).objects.map(
        (object) => object.key,
      ),
    ).toEqual(['reports/2026/sales-q3.csv', 'reports/2026/sales-q4.csv']);
    expect(textOf(reports)).toMatch(/reports\/2026\/sales-q3\.csv\t\d+(\.\d+)? KiB/);
  });

  it('shows CSV as a table with its header', async () => {
    const result = await s3.call('read_object', { bucket: 'sample-data', key: 'reports/2026/sales-q3.csv' });
    expect(result.structuredContent).toMatchObject({
      kind: 'csv',
      truncated: false,
      next_offset: null,
      encoding: 'utf-8',
      table: { columns: ['date', 'region', 'product', 'units', 'revenue'] },
    });
    const rows = (result.structuredContent as { table: { rows: string[][] } }).table.rows;
    expect(rows).toHaveLength(60);
    expect(rows[0]!.slice(0, 3)).toEqual(['2026-07-01', 'EMEA', 'Espresso beans']);
    expect(result.structuredContent).not.toHaveProperty('text');
    expect(textOf(result)).toContain('date\tregion\tproduct\tunits\trevenue\n2026-07-01\tEMEA\tEspresso beans\t');
  });

  it('pretty-prints JSON', async () => {
    const result = await s3.call('read_object', { bucket: 'sample-data', key: 'data/customers.json' });
    expect(textOf(result)).toContain('[\n  {\n    "id": 1,\n    "name": "Ada Lovelace"');
    expect(result.structuredContent).toMatchObject({ kind: 'json', truncated: false, next_offset: null });
    expect((result.structuredContent as { json: unknown }).json).toEqual([
      { id: 1, name: 'Ada Lovelace', country: 'GB', tier: 'gold' },
      { id: 2, name: 'Grace Hopper', country: 'US', tier: 'silver' },
      { id: 3, name: 'Linus Torvalds', country: 'FI', tier: 'gold' },
    ]);
  });

  it('decompresses gzip text', async () => {
    const result = await s3.call('read_object', {
      bucket: 'sample-data',
      key: 'logs/app-2026-11-20.log.gz',
      max_bytes: 4096,
    });
    const read = result.structuredContent as {
      gzip: boolean;
      kind: string;
      text: string;
      truncated: boolean;
      next_offset: number;
    };
    expect(read).toMatchObject({ gzip: true, kind: 'text', truncated: true });
    expect(read.text.startsWith('2026-11-20T10:00:00Z INFO checkout request 0 took 20ms')).toBe(true);
    expect(read.next_offset).toBe(4096);
    const next = await s3.call('read_object', {
      bucket: 'sample-data',
      key: 'logs/app-2026-11-20.log.gz',
      offset: read.next_offset,
      max_bytes: 100,
    });
    const whole = await s3.call('read_object', {
      bucket: 'sample-data',
      key: 'logs/app-2026-11-20.log.gz',
      max_bytes: 4196,
    });
    expect(read.text + (next.structuredContent as { text: string }).text).toBe(
      (whole.structuredContent as { text: string }).text,
    );
  });

  it('gives a small image whole, as base64, and the text says so without the bytes', async () => {
    const result = await s3.call('read_object', { bucket: 'sample-data', key: 'images/logo.png' });
    expect(result.structuredContent).toMatchObject({
      kind: 'image',
      content_type: 'image/png',
      truncated: false,
      image: { media_type: 'image/png' },
    });
    const image = (result.structuredContent as { image: { data_base64: string } }).image;
    expect(Buffer.from(image.data_base64, 'base64').toString('hex').startsWith('89504e470d0a1a0a')).toBe(true);
    expect(textOf(result)).toMatch(/an image, given whole as base64/);
    expect(textOf(result)).not.toContain(image.data_base64);
  });

  it('decodes UTF-8 and falls back for other encodings', async () => {
    const utf8 = await s3.call('read_object', { bucket: 'sample-data', key: 'notes/readme.txt' });
    expect((utf8.structuredContent as { text: string }).text).toContain('日本語, emoji 🎉');
    const latin1 = await s3.call('read_object', { bucket: 'sample-data', key: 'notes/latin1.txt' });
    expect(latin1.structuredContent).toMatchObject({ encoding: 'windows-1252', text: 'Café crème brûlée\n' });
  });

  it('reads ranges and never splits a character', async () => {
    const first = await s3.call('read_object', { bucket: 'sample-data', key: 'notes/readme.txt', length: 45 });
    const part = first.structuredContent as { text: string; next_offset: number; truncated: boolean };
    expect(part.truncated).toBe(true);
    const rest = await s3.call('read_object', {
      bucket: 'sample-data',
      key: 'notes/readme.txt',
      offset: part.next_offset,
    });
    expect(part.text + (rest.structuredContent as { text: string }).text).toBe(
      'Sample bucket for ConnectorMCP.\nÜnïcödé is welcome here: 日本語, emoji 🎉.\n',
    );
  });

  it('handles keys with spaces and unicode', async () => {
    const listed = await s3.call('list_objects', { bucket: 'many', prefix: 'odd names/' });
    const key = (listed.structuredContent as { objects: Array<{ key: string }> }).objects[0]!.key;
    expect(key).toBe('odd names/ünïcode – file.txt');
    const read = await s3.call('read_object', { bucket: 'many', key });
    expect((read.structuredContent as { text: string }).text).toBe('unicode key');
    const head = await s3.call('head_object', { bucket: 'sample-data', key: 'reports/2026/sales-q3.csv' });
    expect(head.structuredContent).toMatchObject({ content_type: 'text/csv', metadata: { owner: 'finance' } });
  });

  it('reads 64 KiB of a 200 MB object and says where to continue', async () => {
    const result = await s3.call('read_object', { bucket: 'large', key: 'big.log', max_bytes: 65_536 });
    const read = result.structuredContent as {
      bytes_read: number;
      next_offset: number;
      size_bytes: number;
      truncated: boolean;
    };
    expect(read).toMatchObject({
      bytes_read: 65_536,
      next_offset: 65_536,
      size_bytes: 200 * 1024 * 1024,
      truncated: true,
    });
    expect(textOf(result)).toMatch(
      /\[cut at byte 65536 of 209715200: call read_object with offset=65536 to read on\]$/,
    );
    // Bounded memory: the connector's high-water mark stays far below the object's size.
    const status = await readFile(`/proc/${s3.pid}/status`, 'utf8');
    const peakMegabytes = Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
    expect(peakMegabytes).toBeLessThan(160);
  });

  it('searches by glob, regex, size and date, with progress and a cursor', async () => {
    const glob = await s3.call('search_objects', { bucket: 'sample-data', pattern: '**/*.csv' });
    expect((glob.structuredContent as { matches: Array<{ key: string }> }).matches.map((match) => match.key)).toEqual([
      'reports/2026/sales-q3.csv',
      'reports/2026/sales-q4.csv',
    ]);
    const regex = await s3.call('search_objects', { bucket: 'sample-data', pattern: '/\\.(png|gz)$/' });
    expect((regex.structuredContent as { matches: unknown[] }).matches).toHaveLength(2);
    const big = await s3.call('search_objects', { bucket: 'sample-data', min_size: 2000 });
    expect((big.structuredContent as { matches: Array<{ key: string }> }).matches.map((match) => match.key)).toEqual(
      expect.arrayContaining(['reports/2026/sales-q3.csv']),
    );
    const future = await s3.call('search_objects', { bucket: 'sample-data', modified_after: '2099-01-01' });
    expect(future.structuredContent).toMatchObject({ matches: [], complete: true });

    const updates: number[] = [];
    const first = await s3.client.callTool(
      {
        name: 'search_objects',
        arguments: { bucket: 'many', pattern: 'items/*7.txt', scan_limit: 1000, max_results: 500 },
      },
      undefined,
      { onprogress: (update) => updates.push(update.progress) },
    );
    const page = first.structuredContent as {
      matches: unknown[];
      scanned: number;
      complete: boolean;
      next_cursor: string;
    };
    expect(page).toMatchObject({ scanned: 1000, complete: false });
    expect(page.matches).toHaveLength(100);
    // The MCP client handles notifications a microtask after reading them and forgets a request's progress
    // handler when its response arrives, so a notification sent just before the response can be dropped
    // when both come in one read. Earlier pages' progress always arrives: a two-page scan shows it.
    expect([[], [1000]]).toContainEqual(updates);
    const twoPages: number[] = [];
    await s3.client.callTool(
      {
        name: 'search_objects',
        arguments: { bucket: 'many', pattern: 'items/*7.txt', scan_limit: 2000, max_results: 500 },
      },
      undefined,
      { onprogress: (update) => twoPages.push(update.progress) },
    );
    expect(twoPages[0]).toBe(1000);
    expect([[1000], [1000, 2000]]).toContainEqual(twoPages);
    const second = await s3.call('search_objects', {
      bucket: 'many',
      pattern: 'items/*7.txt',
      cursor: page.next_cursor,
      scan_limit: 100_000,
      max_results: 500,
    });
    expect(second.structuredContent).toMatchObject({ complete: true });
    expect((second.structuredContent as { matches: unknown[] }).matches).toHaveLength(150);
  });

  it('answers NOT_FOUND naming the bucket or key', async () => {
    expect(textOf(await s3.call('read_object', { bucket: 'sample-data', key: 'nope.txt' }))).toBe(
      'NOT_FOUND: Object s3://sample-data/nope.txt does not exist.',
    );
    expect(textOf(await s3.call('list_objects', { bucket: 'no-such-bucket' }))).toBe(
      'NOT_FOUND: Bucket no-such-bucket does not exist.',
    );
  });

  it('offers no write tool without S3_ALLOW_WRITES', async () => {
    const { tools } = await s3.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      'list_buckets',
      'list_objects',
      'read_object',
      'search_objects',
      'head_object',
    ]);
  });

  it('serves bucket and object resources', async () => {
    const buckets = await s3.client.readResource({ uri: 's3://buckets' });
    expect(JSON.parse((buckets.contents[0] as { text: string }).text)).toEqual(expect.arrayContaining(['sample-data']));
    const object = await s3.client.readResource({ uri: 's3://sample-data/notes/readme.txt' });
    expect((object.contents[0] as { text: string }).text).toContain('Sample bucket');
  });
});

describe('S3 connector with writes and an allowlist', () => {
  it('writes only when enabled, refusing to overwrite unless asked and enforcing the size limit', async () => {
    const s3 = await start({ S3_ALLOW_WRITES: 'true', S3_MAX_WRITE_BYTES: '1000' });
    try {
      const tool = (await s3.client.listTools()).tools.find((candidate) => candidate.name === 'write_object');
      expect(tool?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
      const created = await s3.call('write_object', { bucket: 'scratch', key: 'notes/hello.txt', content: 'hello' });
      expect(created.structuredContent).toMatchObject({ size_bytes: 5, replaced: false });
      const again = await s3.call('write_object', { bucket: 'scratch', key: 'notes/hello.txt', content: 'bye' });
      expect(textOf(again)).toBe(
        'INVALID_INPUT: s3://scratch/notes/hello.txt already exists; pass overwrite: true to replace it.',
      );
      const replaced = await s3.call('write_object', {
        bucket: 'scratch',
        key: 'notes/hello.txt',
        content: 'Ynll',
        encoding: 'base64',
        overwrite: true,
      });
      expect(replaced.structuredContent).toMatchObject({ replaced: true, size_bytes: 3 });
      const read = await s3.call('read_object', { bucket: 'scratch', key: 'notes/hello.txt' });
      expect((read.structuredContent as { text: string }).text).toBe('bye');
      const tooBig = await s3.call('write_object', { bucket: 'scratch', key: 'big.txt', content: 'x'.repeat(2000) });
      expect(textOf(tooBig)).toMatch(
        /^INVALID_INPUT: The object would be 1.95 KiB; write_object accepts at most 1000 B/,
      );
    } finally {
      await s3.close();
    }
  });

  it('hides buckets outside S3_BUCKETS and refuses them everywhere', async () => {
    const s3 = await start({ S3_BUCKETS: 'sample-data,scratch', S3_ALLOW_WRITES: 'true' });
    try {
      const buckets = await s3.call('list_buckets', {});
      expect(
        (buckets.structuredContent as { buckets: Array<{ name: string }> }).buckets.map((bucket) => bucket.name).sort(),
      ).toEqual(['sample-data', 'scratch']);
      for (const [tool, args] of [
        ['list_objects', { bucket: 'private' }],
        ['read_object', { bucket: 'private', key: 'secret.txt' }],
        ['head_object', { bucket: 'private', key: 'secret.txt' }],
        ['search_objects', { bucket: 'private' }],
        ['write_object', { bucket: 'private', key: 'x.txt', content: 'x' }],
      ] as const) {
        expect(textOf(await s3.call(tool, args))).toBe('ACCESS_DENIED: Bucket private is not in S3_BUCKETS.');
      }
      await expect(s3.client.readResource({ uri: 's3://private/secret.txt' })).rejects.toThrow(/ACCESS_DENIED/);
    } finally {
      await s3.close();
    }
  });
});
