import { fileURLToPath } from 'node:url';
import type { DatasourceConfigInput } from '../../src/datasource-config.js';

const binOf = (name: string) =>
  fileURLToPath(import.meta.resolve(`@connectormcp/${name}`).replace(/index\.js$/, 'bin.js'));

export function mysqlDatasource(env: Record<string, string> = {}): DatasourceConfigInput {
  const url = new URL(process.env.TEST_MARIADB_URL!);
  url.pathname = '/shop';
  return {
    id: 'mysql',
    name: 'Shop database',
    kind: 'mysql',
    command: process.execPath,
    args: [binOf('mysql')],
    env: { MYSQL_URL: url.href, LOG_LEVEL: 'warn', ...env },
  };
}

export function s3Datasource(env: Record<string, string> = {}): DatasourceConfigInput {
  return {
    id: 's3',
    name: 'Files',
    kind: 's3',
    command: process.execPath,
    args: [binOf('s3')],
    env: { ...(JSON.parse(process.env.TEST_S3_ENVIRONMENT!) as Record<string, string>), LOG_LEVEL: 'warn', ...env },
  };
}
