/** Privileges a connector that only reads should not hold. */
const writePrivileges = [
  'INSERT',
  'UPDATE',
  'DELETE',
  'CREATE',
  'DROP',
  'ALTER',
  'INDEX',
  'REFERENCES',
  'CREATE VIEW',
  'TRIGGER',
  'EVENT',
  'CREATE ROUTINE',
  'ALTER ROUTINE',
  'EXECUTE',
  'LOCK TABLES',
  'CREATE TEMPORARY TABLES',
];
const dangerousPrivileges = [
  'FILE',
  'SUPER',
  'PROCESS',
  'SHUTDOWN',
  'RELOAD',
  'GRANT OPTION',
  'CREATE USER',
  'REPLICATION SLAVE',
  'BINLOG ADMIN',
  'CONNECTION ADMIN',
];

/** Reads `SHOW GRANTS` output and says what the account could do beyond reading. */
export function inspectGrants({ grants }: { grants: string[] }): string[] {
  const warnings = new Set<string>();
  for (const grant of grants) {
    const match = /^GRANT\s+(.+?)\s+ON\s+(\S+)\s+TO\b/i.exec(grant);
    if (!match) continue;
    const privileges = match[1]!.toUpperCase();
    const scope = match[2]!;
    const all = /\bALL( PRIVILEGES)?\b/.test(privileges);
    const granted = (name: string) => all || new RegExp(`(^|,\\s*)${name}(\\s*\\(|,|$)`).test(privileges);
    const writes = writePrivileges.filter(granted);
    if (writes.length > 0)
      warnings.add(
        `The account can write on ${scope} (${all ? 'ALL PRIVILEGES' : writes.join(', ')}): prefer a read-only user (see the README).`,
      );
    const dangerous = dangerousPrivileges.filter(
      (name) => granted(name) || (name === 'GRANT OPTION' && /WITH GRANT OPTION/i.test(grant)),
    );
    if (dangerous.length > 0)
      warnings.add(`The account holds ${dangerous.join(', ')} on ${scope}: these reach beyond your data.`);
  }
  return [...warnings];
}
