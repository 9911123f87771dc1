#!/usr/bin/env node
// Last build step of a publishable package, run from its directory after tsc:
// - writes the version from package.json into dist/package-version.js, so a server reports the version
//   it was published as and nobody edits it by hand;
// - makes the package's bins executable, so `npx` and a linked workspace can run them directly.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const placeholder = "'0.0.0-development'";
const { name, version, bin = {} } = JSON.parse(readFileSync('package.json', 'utf8'));
const file = join('dist', 'package-version.js');
if (!existsSync(file)) {
  console.error(`${name}: ${file} is missing; src/package-version.ts must export packageVersion = ${placeholder}`);
  process.exit(1);
}
const source = readFileSync(file, 'utf8');
if (!source.includes(placeholder) && !source.includes(JSON.stringify(version))) {
  console.error(`${name}: ${file} has no ${placeholder} placeholder to replace`);
  process.exit(1);
}
writeFileSync(file, source.replace(placeholder, JSON.stringify(version)));

for (const path of typeof bin === 'string' ? [bin] : Object.values(bin)) {
  if (!existsSync(path)) {
    console.error(`${name}: bin ${path} was not built`);
    process.exit(1);
  }
  chmodSync(path, 0o755);
}
