import { existsSync } from 'node:fs';
import { findOrInstallDebianPackage } from './install-debian-package.js';

export interface MariadbBinaries {
  server: string;
  installDb: string;
}

const searchPath = ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin'];

function locate(names: string[]): string | undefined {
  for (const directory of [...(process.env.PATH ?? '').split(':'), ...searchPath]) {
    for (const name of names) {
      const candidate = `${directory}/${name}`;
      if (directory && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

function findBinaries(): MariadbBinaries | undefined {
  const server = locate(['mariadbd', 'mysqld']);
  const installDb = locate(['mariadb-install-db', 'mysql_install_db']);
  return server && installDb ? { server, installDb } : undefined;
}

/**
 * Finds Debian's MariaDB server binaries, installing `mariadb-server` with apt-get when they are missing
 * and we are root (as on CI); otherwise explains what to install.
 */
export function findMariadb({ install = true }: { install?: boolean } = {}): MariadbBinaries {
  return findOrInstallDebianPackage({
    packageName: 'mariadb-server',
    find: findBinaries,
    hint: 'MariaDB is not installed. Install it with `sudo apt-get install -y mariadb-server` (the tests start their own server on a free loopback port).',
    install,
  });
}
