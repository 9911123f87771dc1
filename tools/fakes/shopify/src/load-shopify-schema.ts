import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

let cached: GraphQLSchema | undefined;

/** The real Admin API schema (2026-10) from its introspection, from `SHOPIFY_ADMIN_SCHEMA` or `shared/` beside the repository. */
export function loadShopifySchema({ path = process.env.SHOPIFY_ADMIN_SCHEMA }: { path?: string } = {}): GraphQLSchema {
  if (cached) return cached;
  let file = path;
  if (!file) {
    let directory = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(directory, 'nx.json')) && dirname(directory) !== directory) directory = dirname(directory);
    file = join(dirname(directory), 'shared', 'fixtures', 'shopify', 'admin-2026-10.introspection.json.gz');
  }
  if (!existsSync(file)) throw new Error(`Shopify Admin schema not found at ${file}; set SHOPIFY_ADMIN_SCHEMA`);
  const json = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { data: IntrospectionQuery };
  cached = buildClientSchema(json.data);
  return cached;
}
