// The MySQL grammar of node-sql-parser, not its MariaDB one: in 5.4 the MariaDB grammar cannot parse a
// column named `status` (SELECT status FROM orders), and it accepts nothing the MySQL one refuses for the
// statements we allow. A single-dialect build keeps the all-dialects bundle out of memory.
import nodeSqlParser from 'node-sql-parser/build/mysql.js';

export const sqlParser = new nodeSqlParser.Parser();
export const sqlParserOptions = { database: 'MySQL' };
