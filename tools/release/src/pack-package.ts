import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileDigest, type FileDigest } from './file-digest.ts';

export interface PackedPackage extends FileDigest {
  /** Absolute path of the tarball `npm publish` would upload. */
  file: string;
}

/** `npm pack` of a built package: exactly the files and package.json that `changeset publish` uploads. */
export function packPackage({
  packageDirectory,
  outputDirectory,
}: {
  packageDirectory: string;
  outputDirectory: string;
}): PackedPackage {
  const result = spawnSync('npm', ['pack', '--json', '--pack-destination', outputDirectory], {
    cwd: packageDirectory,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const reason = result.error?.message ?? result.stderr.trim().split('\n').at(-1) ?? `exit ${result.status}`;
    throw new Error(`npm pack failed in ${packageDirectory}: ${reason}`);
  }
  const [packed] = JSON.parse(result.stdout) as Array<{ filename: string }>;
  if (!packed) throw new Error(`npm pack wrote no tarball for ${packageDirectory}`);
  const file = join(outputDirectory, packed.filename);
  return { file, ...fileDigest({ file }) };
}
