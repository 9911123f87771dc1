import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface PackageJson {
  name: string;
  private?: boolean;
  type?: string;
  sideEffects?: boolean;
  engines?: { node?: string };
  exports?: Record<string, unknown>;
  files?: string[];
  bin?: Record<string, string>;
  publishConfig?: { access?: string };
  license?: string;
  dependencies?: Record<string, string>;
}

interface PackedFile {
  path: string;
  mode: number;
}

const root = new URL('../../..', import.meta.url).pathname;

function publishablePackages(): Array<{ directory: string; manifest: PackageJson }> {
  const candidates = ['libs', 'libs/connectors'].flatMap((parent) =>
    readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, parent, entry.name)),
  );
  return candidates
    .filter((directory) => existsSync(join(directory, 'package.json')))
    .map((directory) => ({
      directory,
      manifest: JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as PackageJson,
    }))
    .filter(({ manifest }) => !manifest.private);
}

function packedFiles({ directory }: { directory: string }): PackedFile[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: directory,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [result] = JSON.parse(output) as Array<{ files: PackedFile[] }>;
  return result!.files;
}

const packages = publishablePackages();

describe('publishable packages', () => {
  it('include the kit and the connectors', () => {
    const names = packages.map(({ manifest }) => manifest.name);
    expect(names).toEqual(
      expect.arrayContaining(['@connectormcp/connector-kit', '@connectormcp/mysql', '@connectormcp/s3']),
    );
    expect(names.every((name) => name.startsWith('@connectormcp/'))).toBe(true);
  });

  describe.each(packages.map((entry) => [entry.manifest.name, entry] as const))(
    '%s',
    (_name, { directory, manifest }) => {
      it('declares a public ESM package for Node 22+ with types first in its exports', () => {
        expect(manifest).toMatchObject({
          type: 'module',
          sideEffects: false,
          engines: { node: '>=22' },
          publishConfig: { access: 'public' },
          license: 'MIT',
        });
        expect(manifest.files).toContain('dist');
        const main = manifest.exports?.['.'] as Record<string, string>;
        expect(Object.keys(main)[0]).toBe('types');
        expect(existsSync(join(directory, 'README.md'))).toBe(true);
        expect(existsSync(join(directory, 'LICENSE'))).toBe(true);
      });

      it('would publish only dist, README, LICENSE and package.json, with executable bins', () => {
        const files = packedFiles({ directory });
        const paths = files.map((file) => file.path);
        const unexpected = paths.filter(
          (path) => !['package.json', 'README.md', 'LICENSE'].includes(path) && !path.startsWith('dist/'),
        );
        expect(unexpected).toEqual([]);
        expect(paths.filter((path) => path.endsWith('.tsbuildinfo') || path.includes('.test.'))).toEqual([]);
        expect(paths).toContain('dist/index.js');
        expect(paths).toContain('dist/index.d.ts');
        for (const bin of Object.values(manifest.bin ?? {})) {
          const path = relative('.', bin);
          const packed = files.find((file) => file.path === path);
          expect(packed).toBeDefined();
          expect(packed!.mode & 0o111).not.toBe(0);
          expect(readFileSync(join(directory, path), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
        }
      });

      if (manifest.bin) {
        it('depends on the kit at run time', () => {
          expect(manifest.dependencies?.['@connectormcp/connector-kit']).toBeDefined();
        });
      }
    },
  );
});
