// A bundle carries other people's code, and their licenses (MIT, ISC, BSD, Apache-2.0) ask that the notice
// travels with it. esbuild keeps only `@license` comments, which most packages do not write, so the notices
// are collected from the bundled packages themselves.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const licenseFilePattern = /^(licen[cs]e|copying|notice)(\..*)?$/i;

/** The directory of the package a bundled input comes from: the part up to node_modules/<name> (or @scope/name). */
function packageDirectoryOf({ input }) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

/**
 * Writes, for every package esbuild bundled (from its metafile inputs), the name, version, license and the
 * text of its license files into `file`. Fails when a bundled package states no license at all.
 */
export function writeThirdPartyLicenses({ metafile, file, title }) {
  const directories = [
    ...new Set(
      Object.keys(metafile.inputs)
        .map((input) => packageDirectoryOf({ input }))
        .filter(Boolean),
    ),
  ];
  const packages = directories
    .map((directory) => {
      const { name, version, license } = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
      const texts = readdirSync(directory)
        .filter((entry) => licenseFilePattern.test(entry))
        .sort()
        .map((entry) => readFileSync(join(directory, entry), 'utf8').trim());
      return { name, version, license: typeof license === 'string' ? license : license?.type, texts };
    })
    // The same package can be bundled from two places (nested versions); one entry per name and version.
    .filter(
      (entry, index, all) =>
        all.findIndex((other) => other.name === entry.name && other.version === entry.version) === index,
    )
    .sort((first, second) => first.name.localeCompare(second.name));
  const unlicensed = packages.filter((entry) => !entry.license && entry.texts.length === 0);
  if (unlicensed.length > 0) {
    throw new Error(`bundled packages state no license: ${unlicensed.map((entry) => entry.name).join(', ')}`);
  }
  const sections = packages.map(({ name, version, license, texts }) =>
    [
      `## ${name}@${version}`,
      '',
      `License: ${license ?? 'see below'}`,
      '',
      ...texts.flatMap((text) => ['```', text, '```', '']),
    ].join('\n'),
  );
  writeFileSync(
    file,
    [
      `# Third-party software in ${title}`,
      '',
      `${packages.length} packages are bundled into this package's JavaScript.`,
      '',
      ...sections,
    ].join('\n'),
  );
  return { packages: packages.length };
}
