#!/usr/bin/env node
// Rewrites the install section of each connector's README (between <!-- install:start --> and
// <!-- install:end -->) from the built connector definitions, so the README's links and configs are the
// ones --help prints. Run after a build: `npm run docs:install`. With --check it only reports stale READMEs.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { replaceInstallSection } from '@connectormcp/connector-kit';

const root = new URL('../..', import.meta.url).pathname;
const connectorsDirectory = join(root, 'libs/connectors');
const check = process.argv.includes('--check');

const stale = [];
for (const entry of readdirSync(connectorsDirectory, { withFileTypes: true })) {
  const directory = join(connectorsDirectory, entry.name);
  if (!entry.isDirectory() || !existsSync(join(directory, 'package.json'))) continue;
  const entryPoint = join(directory, 'dist/index.js');
  if (!existsSync(entryPoint)) throw new Error(`${entryPoint} is missing: build the connector first`);
  const module = await import(pathToFileURL(entryPoint).href);
  const connector = Object.entries(module).find(([name]) => name.endsWith('Connector'))?.[1];
  if (!connector?.environment) throw new Error(`${entryPoint} exports no connector definition`);
  const readmePath = join(directory, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const written = replaceInstallSection({ readme, connector });
  if (written === readme) continue;
  stale.push(readmePath);
  if (!check) writeFileSync(readmePath, written);
}
if (check && stale.length > 0) {
  console.error(`Install sections out of date (run npm run docs:install):\n${stale.join('\n')}`);
  process.exit(1);
}
console.log(stale.length === 0 ? 'Install sections are current.' : `Rewrote ${stale.join(', ')}`);
