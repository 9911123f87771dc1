import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface FileDigest {
  /** Lowercase hex, as server.json's fileSha256 and `sha256sum` write it. */
  sha256: string;
  size: number;
}

export function fileDigest({ file }: { file: string }): FileDigest {
  const content = readFileSync(file);
  return { sha256: createHash('sha256').update(content).digest('hex'), size: content.length };
}
