import { fileURLToPath } from 'node:url';
import { installPackedPackages, type InstalledPackages } from '@connectormcp/services';
import { testEnvironment } from './support/test-database.js';

const connector = fileURLToPath(new URL('..', import.meta.url));

describe('the published package', () => {
  let installed: InstalledPackages;
  beforeAll(async () => {
    // The package is a bundle with no dependencies: its tarball alone is what `npx` installs.
    installed = await installPackedPackages({ packageDirectories: [connector] });
  }, 180_000);
  afterAll(() => installed?.remove());

  it('installs into an empty folder and `npx connectormcp-mysql --check` works there', async () => {
    const result = await installed.npx({ bin: 'connectormcp-mysql', args: ['--check'], env: testEnvironment() });
    expect(result.stderr).not.toContain('connectormcp-mysql:');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok: connected to MariaDB/);
  });

  it('reports its packaged version', async () => {
    const result = await installed.npx({ bin: 'connectormcp-mysql', args: ['--version'] });
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(result.stdout.trim()).not.toBe('0.0.0-development');
  });
});
