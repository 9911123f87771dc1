import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes `content` as JSON to a file only this user can read (0600), in a new directory only this user
 * can enter (0700, from mkdtemp), for a configuration that holds passwords. `remove` deletes both.
 */
export async function writePrivateConfig({
  prefix,
  fileName,
  content,
}: {
  prefix: string;
  fileName: string;
  content: unknown;
}): Promise<{ file: string; remove: () => Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  const remove = () => rm(directory, { recursive: true, force: true });
  const file = join(directory, fileName);
  try {
    await writeFile(file, JSON.stringify(content, null, 2), { mode: 0o600 });
  } catch (error) {
    await remove();
    throw error;
  }
  return { file, remove };
}
