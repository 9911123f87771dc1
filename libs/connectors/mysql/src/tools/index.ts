import { describeTableTool } from './describe-table.js';
import { executeQuery } from './execute-query.js';
import { executeStatement } from './execute-statement.js';
import { getTableStats } from './get-table-stats.js';
import { listDatabases } from './list-databases.js';
import { listTables } from './list-tables.js';

export const mysqlTools = [listDatabases, listTables, describeTableTool, executeQuery, getTableStats, executeStatement];
