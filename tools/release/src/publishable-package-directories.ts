import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Where the packages that go to npm live; apps and tools are private.
const parents = ['libs', 'libs/connectors'];

/** Absolute paths of every workspace package under libs/ that is not private, sorted. */
export function publishablePackageDirectories({ root }: { root: string }): string[] {
  return parents
    .flatMap((parent) =>
      readdirSync(join(root, parent), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(root, parent, entry.name)),
    )
    .filter((directory) => {
      const file = join(directory, 'package.json');
      return existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { private?: boolean }).private !== true;
    })
    .sort();
}
