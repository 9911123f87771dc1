import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface NpmCacheFigures {
  /** Package tarballs fetched from the registry: their exact bytes, as sent (already gzip). */
  registryTarballBytes: number;
  registryTarballCount: number;
  /** Registry metadata (packuments) as npm stored it: decompressed JSON. */
  metadataBytes: number;
  /**
   * The same metadata gzip-compressed here: an estimate of what crossed the wire, since npm asks the
   * registry for gzip and stores the body decompressed.
   */
  metadataGzipBytes: number;
  metadataCount: number;
  /** Packages whose metadata was fetched, e.g. `zod`, `@modelcontextprotocol/sdk`. */
  metadataPackages: string[];
}

interface CacheEntry {
  key: string;
  integrity: string | null;
  size?: number;
}

const requestPrefix = 'make-fetch-happen:request-cache:';

async function readIndex({ directory }: { directory: string }): Promise<Map<string, CacheEntry>> {
  const entries = new Map<string, CacheEntry>();
  const files = await readdir(directory, { recursive: true, withFileTypes: true });
  for (const file of files.filter((entry) => entry.isFile())) {
    const text = await readFile(join(file.parentPath, file.name), 'utf8');
    // Each line is "<sha1 of the JSON>\t<JSON>"; a later line for the same key replaces the earlier one.
    for (const line of text.split('\n')) {
      const json = line.slice(line.indexOf('\t') + 1);
      if (!json) continue;
      const entry = JSON.parse(json) as CacheEntry;
      if (entry.integrity === null) entries.delete(entry.key);
      else entries.set(entry.key, entry);
    }
  }
  return entries;
}

function contentPath({ cache, integrity }: { cache: string; integrity: string }): string {
  const [algorithm, digest] = integrity.split(' ')[0]!.split('-') as [string, string];
  const hex = Buffer.from(digest, 'base64').toString('hex');
  return join(cache, 'content-v2', algorithm, hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
}

/**
 * What one npm install fetched from the registry, read from its (fresh) cache: npm's cache is content-
 * addressed (`_cacache`), with an index whose keys are the request URLs, so tarballs and metadata can be
 * told apart and counted exactly. Local tarballs (`pacote:tarball:file:…`) are not downloads and are left
 * out.
 */
export async function measureNpmCache({ cacheDirectory }: { cacheDirectory: string }): Promise<NpmCacheFigures> {
  const cache = join(cacheDirectory, '_cacache');
  const figures: NpmCacheFigures = {
    registryTarballBytes: 0,
    registryTarballCount: 0,
    metadataBytes: 0,
    metadataGzipBytes: 0,
    metadataCount: 0,
    metadataPackages: [],
  };
  for (const entry of (await readIndex({ directory: join(cache, 'index-v5') })).values()) {
    if (!entry.key.startsWith(requestPrefix) || entry.integrity === null) continue;
    const url = new URL(entry.key.slice(requestPrefix.length));
    if (url.pathname.endsWith('.tgz')) {
      figures.registryTarballBytes += entry.size ?? 0;
      figures.registryTarballCount += 1;
    } else {
      const body = await readFile(contentPath({ cache, integrity: entry.integrity }));
      figures.metadataBytes += body.length;
      figures.metadataGzipBytes += gzipSync(body).length;
      figures.metadataCount += 1;
      figures.metadataPackages.push(decodeURIComponent(url.pathname.slice(1)));
    }
  }
  return figures;
}
