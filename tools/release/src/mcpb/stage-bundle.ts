import { copyFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { BundleManifest } from './build-manifest.ts';

async function listJavaScript({ directory }: { directory: string }): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function exists({ path }: { path: string }): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

// The chunk esbuild makes of the kit's HTTP transport (src/transports/serve-http.ts, with express and its
// dependencies), which the kit imports lazily for --http only.
const httpTransportChunk = /^chunks\/serve-http-[^/]+\.js$/;

/**
 * Claude Desktop starts a bundle over stdio with the manifest's fixed arguments, so the HTTP transport
 * would only weigh down the download (about 380 KB of the archive): it is replaced by a module that
 * fails the import with what to use instead.
 */
function httpTransportStandIn({ packageName }: { packageName: string }): string {
  const message = `This MCP Bundle serves over stdio only; for --http run npx -y ${packageName} --http.`;
  return `// The HTTP transport is left out of the MCP Bundle.\nthrow new Error(${JSON.stringify(message)});\n`;
}

/**
 * Writes the bundle's directory from scratch: manifest.json, the connector's built JavaScript in server/
 * (no maps, no declarations, the HTTP transport replaced, see above), a package.json there that makes Node read it as ES modules wherever the
 * bundle is unpacked, and the README, LICENSE and icon when the connector has them.
 */
export async function stageBundle({
  connectorDirectory,
  stagingDirectory,
  manifest,
  packageName,
  icon,
}: {
  connectorDirectory: string;
  stagingDirectory: string;
  manifest: BundleManifest;
  /** The connector's npm package, named where the bundle cannot help. */
  packageName: string;
  icon?: string;
}): Promise<string[]> {
  await rm(stagingDirectory, { recursive: true, force: true });
  const server = join(stagingDirectory, 'server');
  await mkdir(server, { recursive: true });
  const dist = join(connectorDirectory, 'dist');
  const staged: string[] = [];
  for (const file of await listJavaScript({ directory: dist })) {
    const target = join(server, relative(dist, file));
    await mkdir(dirname(target), { recursive: true });
    if (httpTransportChunk.test(relative(dist, file).split(sep).join('/')))
      await writeFile(target, httpTransportStandIn({ packageName }));
    else await copyFile(file, target);
    staged.push(target);
  }
  // Outside any package.json with "type": "module", Node would first try the ES module files as CommonJS.
  const serverPackage = { name: manifest.name, version: manifest.version, private: true, type: 'module' };
  await writeFile(join(server, 'package.json'), `${JSON.stringify(serverPackage, null, 2)}\n`);
  // The notices of the packages bundled into the JavaScript, which their licenses ask to ship with it.
  await copyFile(join(dist, 'THIRD-PARTY-LICENSES.md'), join(stagingDirectory, 'THIRD-PARTY-LICENSES.md'));
  for (const name of ['README.md', 'LICENSE', ...(icon ? [icon] : [])]) {
    const source = join(connectorDirectory, name);
    if (await exists({ path: source })) await copyFile(source, join(stagingDirectory, name));
  }
  await writeFile(join(stagingDirectory, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return staged;
}
