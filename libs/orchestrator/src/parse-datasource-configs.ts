import { datasourceConfigSchema, type DatasourceConfig, type DatasourceConfigInput } from './datasource-config.js';

/**
 * Validates a whole set of datasources, so that a hub takes all of them or none: the first invalid one
 * (named by its id when it has one) or a repeated id is an error naming it. Never echoes a value, since
 * `env` and `headers` hold secrets.
 */
export function parseDatasourceConfigs({ datasources }: { datasources: DatasourceConfigInput[] }): DatasourceConfig[] {
  const ids = new Set<string>();
  return datasources.map((datasource, index) => {
    const parsed = datasourceConfigSchema.safeParse(datasource);
    if (!parsed.success) {
      const id = typeof datasource?.id === 'string' && datasource.id ? ` (${datasource.id.slice(0, 40)})` : '';
      const issues = parsed.error.issues.map((issue) =>
        issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      );
      throw new Error(`Datasource ${index + 1}${id} is invalid: ${issues.join('; ')}`);
    }
    if (ids.has(parsed.data.id)) throw new Error(`Datasource id ${parsed.data.id} is used twice`);
    ids.add(parsed.data.id);
    return parsed.data;
  });
}
