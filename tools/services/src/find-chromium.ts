import { existsSync } from 'node:fs';
import { findOrInstallDebianPackage } from './install-debian-package.js';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Finds Debian's Chromium for browser tests (`CHROMIUM_PATH` first), installing it when missing and
 * root. Test tools' own browser downloads are not used: the network here reaches only package registries.
 */
export function findChromium({ install = true }: { install?: boolean } = {}): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is set to ${configured}, which does not exist.`);
    return configured;
  }
  return findOrInstallDebianPackage({
    packageName: 'chromium',
    find: () => candidates.find((candidate) => existsSync(candidate)),
    hint: 'Chromium is not installed. Install it with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH.',
    install,
  });
}
