/**
 * The sql_mode every session the connector opens runs in, so the server reads a statement's text exactly as the
 * guard's lexer (lex-sql.ts) does. None of the modes that change how text is read are in it: no ANSI_QUOTES
 * ("…" stays a string, not an identifier), no NO_BACKSLASH_ESCAPES (a backslash escapes inside strings), no
 * PIPES_AS_CONCAT (|| stays OR), no IGNORE_SPACE (a function name is one only when "(" follows it directly), no
 * HIGH_NOT_PRECEDENCE, no ANSI/ORACLE/MSSQL/DB2/POSTGRESQL/… compound modes. Every mode listed here exists on both
 * MariaDB and MySQL 8, so the pin is accepted by either server.
 *
 * The lexer also assumes the connection's character set is utf8mb4 (mysql2's default for the handshake,
 * character_set_client = utf8mb4): a multi-byte character set such as GBK or SJIS could turn the byte before a
 * quote or backslash into part of a character and change where a string ends.
 */
export const pinnedSqlMode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';
