// The MySQL grammar of node-sql-parser, not its MariaDB one: in 5.4 the MariaDB grammar cannot parse a
// column named `status` (SELECT status FROM orders), and it accepts nothing the MySQL one refuses for the
// statements we allow. A single-dialect build keeps the all-dialects bundle out of memory.
import nodeSqlParser from 'node-sql-parser/build/mysql.js';
import { tooComplex } from './assert-statement-complexity.js';
import type { SqlToken } from './lex-sql.js';
import type { TableReference } from './token-cursor.js';

const sqlParser = new nodeSqlParser.Parser();
const sqlParserOptions = { database: 'MySQL' };

/** One thing the parser would have accepted where it stopped (peggy's expectation). */
export interface ParserExpectation {
  type: string;
  text?: string;
  description?: string;
}

export type ParsedSql =
  | { parsed: true; ast: unknown; tables: TableReference[] }
  | {
      parsed: false;
      /** The token where the parser stopped, as an index into the tokens, or `end` when it ran out of them. */
      at: number | 'end';
      expected: ParserExpectation[];
    };

/**
 * Re-writes the tokens for the parser: every string, name and operator in its canonical form, comments gone,
 * tokens apart (`1--1` is `1 - - 1` to the server, but a comment to the parser when written together). The
 * parser so never reads the text another way than the lexer did.
 */
export function serializeSqlTokens({ tokens }: { tokens: SqlToken[] }): string {
  return serializeWithOffsets({ tokens }).text;
}

/** The parser's text and where each token starts in it, to find the token a parse error points at. */
function serializeWithOffsets({ tokens }: { tokens: SqlToken[] }): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  tokens.forEach((token, index) => {
    const previous = tokens[index - 1];
    // Qualified names stay joined (db.table, t.*, @@session.x): the parser reads them only so.
    if (previous && previous.text !== '.' && token.text !== '.') text += ' ';
    offsets.push(text.length);
    text += token.canonical;
  });
  return { text, offsets };
}

/** The index of the token holding `offset` of the parser's text (or the next one), or `end`. */
function tokenAt({ offsets, tokens, offset }: { offsets: number[]; tokens: SqlToken[]; offset: number }) {
  const index = offsets.findIndex((start, position) => offset < start + tokens[position]!.canonical.length);
  return index === -1 ? 'end' : index;
}

function unquoteName({ name }: { name: string }): string {
  return name.replace(/^`|`$/g, '').replace(/``/g, '`');
}

/**
 * Parses the lexer's tokens with node-sql-parser. A stack overflow in the parser is the statement's
 * complexity, refused as such; any other failure is returned as the parser's message.
 */
export function parseSql({ tokens }: { tokens: SqlToken[] }): ParsedSql {
  const { text, offsets } = serializeWithOffsets({ tokens });
  try {
    const { ast, tableList } = sqlParser.parse(text, sqlParserOptions);
    const tables = tableList
      .map((entry) => entry.split('::'))
      .map(([, database, table]) => ({
        database: database === 'null' ? null : unquoteName({ name: database! }),
        table: unquoteName({ name: table! }),
      }));
    return { parsed: true, ast, tables };
  } catch (error) {
    if (error instanceof RangeError) tooComplex('it nests too deeply for the SQL parser');
    const { location, expected } = error as {
      location?: { start?: { offset?: number } };
      expected?: ParserExpectation[] | null;
    };
    const offset = location?.start?.offset;
    return {
      parsed: false,
      at: offset === undefined ? 'end' : tokenAt({ offsets, tokens, offset }),
      expected: expected ?? [],
    };
  }
}
