export interface ServerFlavor {
  kind: 'mariadb' | 'mysql';
  version: string;
  /** The SET assignment that limits each statement's run time on the server. */
  timeLimitAssignment(options: { milliseconds: number }): string;
}

/**
 * MariaDB and MySQL spell the statement time limit differently: `max_statement_time` in seconds (any
 * statement) versus `max_execution_time` in milliseconds (SELECT only).
 */
export function serverFlavorOf({ version }: { version: string }): ServerFlavor {
  if (/mariadb/i.test(version)) {
    return {
      kind: 'mariadb',
      version,
      timeLimitAssignment: ({ milliseconds }) => `max_statement_time = ${(milliseconds / 1000).toFixed(3)}`,
    };
  }
  return {
    kind: 'mysql',
    version,
    timeLimitAssignment: ({ milliseconds }) => `max_execution_time = ${Math.round(milliseconds)}`,
  };
}
