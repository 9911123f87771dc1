#!/usr/bin/env node
// Build step: writes the package's version (from its package.json) into dist/package-version.js, so a
// server reports the version it was published as and nobody edits it by hand. Run from a package dir.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const placeholder = "'0.0.0-development'";
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
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
