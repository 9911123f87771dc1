import type { DatasourceConfig } from './datasource-config.js';

// Questions that work on any source of the kind, and on the sandbox's data (a shop database with orders,
// products and customers; a bucket of reports, logs and notes; Jira projects; a Shopify store).
const examplesByKind: Record<string, string[]> = {
  mysql: [
    'Which tables are in this database, and what does each one hold?',
    'How many orders were placed each month, and what was the revenue?',
    'Which five products sold the most units?',
  ],
  s3: [
    'Which files are in the bucket, folder by folder?',
    'Show the first rows of the newest CSV report.',
    'Which are the largest files, and when were they last changed?',
  ],
  jira: [
    'Which open issues have nobody assigned?',
    'What was updated in the last 7 days, project by project?',
    'Which projects are there, and who leads them?',
  ],
  shopify: [
    'What are the ten most recent orders and their totals?',
    'Which products are running low on inventory?',
    'How much did we sell each day last week?',
  ],
};

/** Example questions for a kind of datasource (mysql, s3, jira, shopify); none for kinds it does not know. */
export function defaultExamples({ kind }: { kind: string | undefined | null }): string[] {
  return [...(examplesByKind[kind ?? ''] ?? [])];
}

/** A datasource's own example questions when its configuration has them, else its kind's defaults. */
export function datasourceExamples({
  datasource,
}: {
  datasource: Pick<DatasourceConfig, 'kind' | 'examples'>;
}): string[] {
  return datasource.examples ? [...datasource.examples] : defaultExamples({ kind: datasource.kind });
}
