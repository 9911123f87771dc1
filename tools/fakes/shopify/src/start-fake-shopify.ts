import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse, validate, type DocumentNode, type GraphQLError } from 'graphql';
import { createRootValue } from './create-root-value.js';
import { estimateQueryCost, findOversizedPage } from './estimate-query-cost.js';
import { seedFakeShopifyData, type FakeShopifyData } from './fake-shopify-data.js';
import { loadShopifySchema } from './load-shopify-schema.js';

export interface FakeShopify {
  /** `http://127.0.0.1:PORT`: where `https://{storeDomain}` is served. */
  baseUrl: string;
  storeDomain: string;
  accessToken: string;
  apiVersion: string;
  data: FakeShopifyData;
  /** GraphQL documents received, to check what the connector asked for. */
  queries: string[];
  /** Scopes granted to the token (`currentAppInstallation.accessScopes`). */
  setScopes(scopes: string[]): void;
  /** Empties the cost bucket, so the next query is THROTTLED until it restores. */
  drainBucket(): void;
  stop(): Promise<void>;
}

const defaultScopes = [
  'read_products',
  'read_orders',
  'read_all_orders',
  'read_inventory',
  'read_customers',
  'read_locations',
];

function formatError(error: GraphQLError) {
  return {
    message: error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...error.extensions },
  };
}

/**
 * A loopback Shopify Admin GraphQL API: queries are validated and executed by graphql-js against the real
 * 2026-10 schema, so a field or argument Shopify would reject is rejected here too. Resolvers serve
 * seeded products, inventory and orders; the access token, granted scopes and the cost bucket
 * (`extensions.cost`, THROTTLED) behave like Shopify's.
 */
export async function startFakeShopify({
  port = 0,
  storeDomain = 'connectormcp-demo.myshopify.com',
  accessToken = 'shpat_fake_0123456789abcdef',
  scopes = defaultScopes,
  maximumAvailable = 2000,
  restoreRate = 100,
  now = new Date(),
}: {
  port?: number;
  storeDomain?: string;
  accessToken?: string;
  scopes?: string[];
  maximumAvailable?: number;
  restoreRate?: number;
  now?: Date;
} = {}): Promise<FakeShopify> {
  const schema = loadShopifySchema();
  const data = seedFakeShopifyData({ now, storeDomain });
  let granted = scopes;
  let available = maximumAvailable;
  let lastRestore = Date.now();
  const queries: string[] = [];
  const apiVersion = '2026-10';

  const restore = () => {
    const elapsed = (Date.now() - lastRestore) / 1000;
    lastRestore = Date.now();
    available = Math.min(maximumAvailable, available + elapsed * restoreRate);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(body));
    };
    const match = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(
      new URL(request.url ?? '/', 'http://localhost').pathname,
    );
    if (!match || request.method !== 'POST') return send(404, { errors: 'Not Found' });
    if (match[1] !== apiVersion)
      return send(404, { errors: `API version ${match[1]} is not served by this fake (only ${apiVersion}).` });
    if (request.headers['x-shopify-access-token'] !== accessToken) {
      return send(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body: { query?: string; variables?: Record<string, unknown> };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
    } catch {
      return send(400, { errors: 'Bad Request: body is not JSON' });
    }
    if (typeof body.query !== 'string') return send(400, { errors: 'Parameter Missing or Invalid: query' });
    queries.push(body.query);
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (error) {
      return send(200, { errors: [formatError(error as GraphQLError)] });
    }
    const validationErrors = validate(schema, document);
    if (validationErrors.length > 0) return send(200, { errors: validationErrors.map(formatError) });
    const variables = body.variables ?? {};
    // Shopify refuses oversized pages before it looks at the cost bucket.
    const oversized = findOversizedPage({ document, variables });
    if (oversized)
      return send(200, {
        errors: [{ message: `The ${oversized} argument cannot exceed 250.`, extensions: { code: 'BAD_REQUEST' } }],
      });
    const requested = estimateQueryCost({ document, variables });
    restore();
    const throttleStatus = () => ({ maximumAvailable, currentlyAvailable: Math.floor(available), restoreRate });
    if (requested > available) {
      return send(200, {
        errors: [
          {
            message: 'Throttled',
            extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
          },
        ],
        extensions: {
          cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: throttleStatus() },
        },
      });
    }
    const result = await execute({
      schema,
      document,
      rootValue: createRootValue({ data, scopes: granted }),
      variableValues: variables,
    });
    const actual = Math.max(1, Math.ceil(requested * 0.6));
    available -= actual;
    send(200, {
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(result.errors ? { errors: result.errors.map(formatError) } : {}),
      extensions: {
        cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: throttleStatus() },
      },
    });
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: `Fake Shopify error: ${(error as Error).message}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    storeDomain,
    accessToken,
    apiVersion,
    data,
    queries,
    setScopes: (next) => {
      granted = next;
    },
    drainBucket: () => {
      restore();
      available = 0;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
