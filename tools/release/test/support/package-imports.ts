import { readdir, readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';

// A bundle calls require through a function made with createRequire (`const require = …`) or through
// esbuild's `__require` helper; esbuild's metafile lists only calls of the free `require`, so both are
// turned into that before the scan.
const exposeRequireCalls: Plugin = {
  name: 'expose-require-calls',
  setup(builder) {
    builder.onLoad({ filter: /\.js$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8'))
        .replace(/\bconst require\s*=/g, 'const createdRequire =')
        .replace(/\b__require\(/g, 'require('),
      loader: 'js',
    }));
  },
};

/**
 * Every module the JavaScript in a directory imports, requires or loads lazily that is neither one of its
 * own files nor a Node builtin: what would need a node_modules. A relative import of a missing file fails.
 */
export async function packageImports({ directory }: { directory: string }): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.js'));
  const result = await build({
    absWorkingDir: directory,
    entryPoints: files.map((entry) => join(entry.parentPath, entry.name)),
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    // Anything not relative stays unresolved and is listed.
    packages: 'external',
    outdir: join(directory, 'scan-output'),
    logLevel: 'silent',
    plugins: [exposeRequireCalls],
  });
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports);
  const packages = imports.filter((item) => item.external && item.path !== '<runtime>' && !isBuiltin(item.path));
  return [...new Set(packages.map((item) => item.path))].sort();
}
