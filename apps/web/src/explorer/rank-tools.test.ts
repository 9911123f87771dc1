import type { JsonSchema } from '../api/api-types.js';
import { knowledgeNeeded, rankTools } from './rank-tools.js';

const tool = (name: string, properties: Record<string, JsonSchema>, required: string[] = []) => ({
  name,
  inputSchema: { type: 'object', properties, required },
});

describe('rankTools', () => {
  it('puts MySQL tools needing no names first, the one scoped by the default database before the rest', () => {
    const mysql = [
      tool('list_databases', { include_system: { type: 'boolean', default: false } }),
      tool('list_tables', { database: { type: 'string', default: 'shop' }, name_like: { type: 'string' } }, [
        'database',
      ]),
      tool('describe_table', { database: { type: 'string', default: 'shop' }, table: { type: 'string' } }, [
        'database',
        'table',
      ]),
      tool('execute_query', { sql: { type: 'string' }, max_rows: { type: 'integer', default: 200 } }, ['sql']),
      tool('get_table_stats', { database: { type: 'string', default: 'shop' }, table: { type: 'string' } }, [
        'database',
      ]),
    ];
    expect(rankTools({ tools: mysql }).map((entry) => entry.name)).toEqual([
      'list_tables',
      'list_databases',
      'get_table_stats',
      'execute_query',
      'describe_table',
    ]);
  });

  it('opens S3, Jira and Shopify on a listing tool, never on one that needs a key or an id', () => {
    const s3 = [
      tool('list_objects', { bucket: { type: 'string' }, prefix: { type: 'string' } }, ['bucket']),
      tool('read_object', { bucket: { type: 'string' }, key: { type: 'string' } }, ['bucket', 'key']),
      tool('list_buckets', { include_region: { type: 'boolean', default: false } }),
    ];
    expect(rankTools({ tools: s3 })[0]!.name).toBe('list_buckets');
    const jira = [
      tool('search_issues', { jql: { type: 'string' } }, ['jql']),
      tool('get_issue', { key: { type: 'string' } }, ['key']),
      tool('list_projects', { query: { type: 'string' } }),
    ];
    expect(rankTools({ tools: jira }).map((entry) => entry.name)).toEqual([
      'list_projects',
      'search_issues',
      'get_issue',
    ]);
    const shopify = [
      tool('get_product', { id: { type: 'string' } }, ['id']),
      tool('search_products', { text: { type: 'string' } }, ['text']),
      tool('list_orders', { sort: { type: 'string', enum: ['a', 'b'], default: 'a' } }),
      tool('list_products', {}),
    ];
    expect(rankTools({ tools: shopify }).map((entry) => entry.name)).toEqual([
      'list_orders',
      'list_products',
      'search_products',
      'get_product',
    ]);
  });

  it('rates what the user must know from the required inputs', () => {
    expect(knowledgeNeeded({ schema: tool('x', { a: { type: 'string', default: 'd' } }, ['a']).inputSchema })).toBe(0);
    expect(knowledgeNeeded({ schema: tool('x', { sql: { type: 'string' } }, ['sql']).inputSchema })).toBe(1);
    expect(knowledgeNeeded({ schema: tool('x', { table: { type: 'string' } }, ['table']).inputSchema })).toBe(2);
  });
});
