import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export interface OpenApiSpec {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown> };
}

export interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const relativePath = join('fixtures', 'jira', 'jira-cloud-platform-v3.openapi.json.gz');

/** Atlassian's published OpenAPI spec, from `JIRA_OPENAPI_SPEC` or the `shared/` folder beside the repository. */
export function loadJiraSpec({ path = process.env.JIRA_OPENAPI_SPEC }: { path?: string } = {}): OpenApiSpec {
  let file = path;
  if (!file) {
    let directory = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(directory, 'nx.json')) && dirname(directory) !== directory) directory = dirname(directory);
    file = join(dirname(directory), 'shared', relativePath);
  }
  if (!existsSync(file)) throw new Error(`Jira OpenAPI spec not found at ${file}; set JIRA_OPENAPI_SPEC`);
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as OpenApiSpec;
}
