#!/usr/bin/env node
// The build of a connector package, run from its directory after `tsc -b tsconfig.lib.json` has type-checked
// it and written its declarations to dist/types/. A connector is published as a bundle, so that the first
// `npx -y @connectormcp/<name>` downloads one package instead of a hundred (the kit, the MCP SDK, zod,
// Express, the driver and their dependencies) and starts from a few files instead of resolving hundreds:
// - dist/bin.js and dist/index.js, with the code they share in dist/chunks/: esbuild bundles src/bin.ts and
//   src/index.ts with everything they import, as ESM for Node 22. What is only loaded through import()
//   (the HTTP transport and Express, --check) gets chunks of its own and costs a stdio server nothing.
// - dist/index.d.ts: the declarations rolled into one file with the kit's types inlined; the MCP SDK and
//   zod stay imports (optional peer dependencies of the connector, for library users).
// - linked source maps beside each file, so the coverage of the bins tests start maps back to src/; the
//   package's `files` leave them out of what npm publishes.
// - the version from package.json in place of the placeholder in src/package-version.ts, and executable bins.
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, resolve } from 'node:path';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { Parser } from 'acorn';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { writeThirdPartyLicenses } from './write-third-party-licenses.mjs';
import { dts } from 'rollup-plugin-dts';

const placeholder = "'0.0.0-development'";
// A CommonJS dependency bundled into ESM still calls require() for Node's builtins (mysql2, pino): this
// gives each output file a real one.
const requireBanner =
  "import { createRequire as __connectormcpCreateRequire } from 'node:module'; const require = __connectormcpCreateRequire(import.meta.url);";

// Modules a dependency require()s inside a try and does without: mysql2 colours its debug output with
// cardinal when someone installed it.
const optionalRequires = new Set(['cardinal']);

const { name, version, bin = {}, peerDependencies = {} } = JSON.parse(readFileSync('package.json', 'utf8'));
const fail = (message) => {
  console.error(`${name}: ${message}`);
  process.exit(1);
};

const versionFile = resolve('src/package-version.ts');
if (!readFileSync(versionFile, 'utf8').includes(placeholder)) {
  fail(`src/package-version.ts must export packageVersion = ${placeholder}`);
}
/** Builds src/package-version.ts with the version from package.json; the file keeps its lines, so maps agree. */
const packageVersionPlugin = {
  name: 'package-version',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]package-version\.ts$/ }, ({ path }) =>
      path === versionFile
        ? { contents: readFileSync(path, 'utf8').replace(placeholder, JSON.stringify(version)), loader: 'ts' }
        : undefined,
    );
  },
};

const { metafile } = await build({
  entryPoints: ['src/bin.ts', 'src/index.ts'],
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Whitespace and syntax only: renaming identifiers saves a few more bytes but not start-up time, and
  // keeps the names errors and logs show.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  sourcemap: 'linked',
  banner: { js: requireBanner },
  plugins: [packageVersionPlugin],
  metafile: true,
  logLevel: 'warning',
});
/**
 * Node's compile cache keeps the code V8 compiled when a module was first loaded, and V8 compiles a function
 * only when it is first called, unless it is written in parentheses. esbuild wraps each CommonJS module it
 * bundles (mysql2, pino, node-sql-parser, ajv…) in a method, `__commonJS({"path"(exports, module) {…}})`, so
 * every start compiled those module bodies again. Written as `"path":(function(exports, module) {…})`, they
 * are compiled with the file and come from the cache: about 20 ms of a warm start. The source map is shifted
 * to match.
 */
function compileModuleWrappersEagerly({ file }) {
  const code = readFileSync(file, 'utf8');
  const insertions = [];
  const visit = (node) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node.type !== 'string') return;
    if (
      node.type === 'CallExpression' &&
      node.callee.type === 'Identifier' &&
      ['__commonJS', '__esm'].includes(node.callee.name) &&
      node.arguments[0]?.type === 'ObjectExpression'
    ) {
      for (const property of node.arguments[0].properties.filter((candidate) => candidate.method)) {
        insertions.push({ at: property.key.end, text: ':(function' }, { at: property.value.end, text: ')' });
      }
    }
    for (const key of Object.keys(node)) visit(node[key]);
  };
  visit(Parser.parse(code, { ecmaVersion: 'latest', sourceType: 'module' }));
  if (insertions.length === 0) return;
  insertions.sort((first, second) => first.at - second.at);
  let output = '';
  let from = 0;
  for (const { at, text } of insertions) {
    output += code.slice(from, at) + text;
    from = at;
  }
  writeFileSync(file, output + code.slice(from));

  const lineStarts = [0];
  for (let index = code.indexOf('\n'); index !== -1; index = code.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const shiftsByLine = new Map();
  for (const { at, text } of insertions) {
    let line = lineStarts.length - 1;
    while (lineStarts[line] > at) line -= 1;
    shiftsByLine.set(line, [...(shiftsByLine.get(line) ?? []), { column: at - lineStarts[line], length: text.length }]);
  }
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const lines = decode(map.mappings);
  for (const [line, shifts] of shiftsByLine) {
    for (const segment of lines[line] ?? []) {
      const column = segment[0];
      segment[0] += shifts.filter((shift) => shift.column <= column).reduce((sum, shift) => sum + shift.length, 0);
    }
  }
  map.mappings = encode(lines);
  writeFileSync(`${file}.map`, JSON.stringify(map));
}
for (const file of Object.keys(metafile.outputs).filter((output) => output.endsWith('.js'))) {
  compileModuleWrappersEagerly({ file });
}

// Chunk names carry a hash of their content, so the chunks of an earlier build (and the files of tsc's
// layout before the bundle) stay behind: removed once the new files are written, not before, so that a bin
// started meanwhile (tests, the sandbox) still finds its chunks.
const kept = new Set(
  [...Object.keys(metafile.outputs), 'dist/index.d.ts'].flatMap((file) => [resolve(file), resolve(`${file}.map`)]),
);
for (const entry of readdirSync('dist', { recursive: true, withFileTypes: true })) {
  const path = resolve(entry.parentPath, entry.name);
  if (path.startsWith(resolve('dist/types')) || entry.name.endsWith('.tsbuildinfo')) continue;
  if (entry.isFile() && !kept.has(path)) rmSync(path);
}
for (const entry of readdirSync('dist', { withFileTypes: true })) {
  if (entry.isDirectory() && !['types', 'chunks'].includes(entry.name))
    rmSync(join('dist', entry.name), { recursive: true });
}
// The notices of the packages bundled in, which their licenses ask to ship with their code.
try {
  writeThirdPartyLicenses({ metafile, file: 'dist/THIRD-PARTY-LICENSES.md', title: name });
} catch (error) {
  fail(error.message);
}
// What the package promises: `npx` installs nothing but the package, so the output imports only Node.
for (const [file, { imports }] of Object.entries(metafile.outputs)) {
  const outside = imports
    .filter(({ path, external }) => external && !isBuiltin(path) && !optionalRequires.has(path))
    .map(({ path }) => path);
  if (outside.length > 0) fail(`${file} imports ${outside.join(', ')}; everything but Node's builtins must be bundled`);
}

const declarations = await rollup({
  input: 'dist/types/index.d.ts',
  plugins: [dts({ tsconfig: 'tsconfig.lib.json', includeExternal: ['@connectormcp/connector-kit'] })],
});
const { output } = await declarations.write({ file: 'dist/index.d.ts', format: 'es' });
await declarations.close();
// Types of other packages stay imports (the MCP SDK, zod, the driver's): a library user has them from
// their own install, so each must be an optional peer dependency.
const packageOf = (specifier) => specifier.split('/', specifier.startsWith('@') ? 2 : 1).join('/');
const undeclared = output
  .flatMap((chunk) => chunk.imports)
  .map(packageOf)
  .filter((dependency) => !(dependency in peerDependencies));
if (undeclared.length > 0) fail(`dist/index.d.ts imports ${undeclared.join(', ')}; declare them as optional peers`);

for (const path of typeof bin === 'string' ? [bin] : Object.values(bin)) {
  if (!existsSync(path)) fail(`bin ${path} was not built`);
  if (!readFileSync(path, 'utf8').startsWith('#!/usr/bin/env node\n')) fail(`bin ${path} has no shebang`);
  chmodSync(path, 0o755);
}
