import { toolDefiner } from '@connectormcp/connector-kit';
import type { MysqlContext } from './mysql-context.js';

export const defineMysqlTool = toolDefiner<MysqlContext>();
