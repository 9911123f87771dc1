import { execFileSync } from 'node:child_process';

/**
 * Finds what `find` looks for, installing the Debian package that provides it with apt-get when it is
 * missing and we are root (as on CI); otherwise fails with `hint`, which says what to install.
 */
export function findOrInstallDebianPackage<T>({
  packageName,
  find,
  hint,
  install = true,
}: {
  packageName: string;
  find: () => T | undefined;
  hint: string;
  install?: boolean;
}): T {
  const found = find();
  if (found) return found;
  if (!install || process.getuid?.() !== 0) throw new Error(hint);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', packageName], { stdio: 'inherit', env });
  const installed = find();
  if (!installed) throw new Error(`apt-get installed ${packageName}, but it still cannot be found. ${hint}`);
  return installed;
}
