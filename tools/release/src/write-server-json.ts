// Writes libs/connectors/<name>/server.json from each connector's definition and package.json. Run after
// `changeset version` (npm run version-packages) and whenever a connector's environment or tools change;
// test/server-json.test.ts fails until the files match.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repositoryRoot } from './repository-root.ts';
import { buildServerJson } from './server-json/build-server-json.ts';
import { formatServerJson } from './server-json/format-server-json.ts';
import { loadPublishableConnectors } from './server-json/load-publishable-connectors.ts';
import { validateServerJson } from './server-json/validate-server-json.ts';

try {
  for (const { directory, packageJson, connector } of await loadPublishableConnectors({ root: repositoryRoot })) {
    const serverJson = buildServerJson({ connector, packageJson });
    const problems = validateServerJson({ serverJson });
    if (problems.length > 0) throw new Error(`${packageJson.name}: server.json is invalid: ${problems.join('; ')}`);
    const file = join(directory, 'server.json');
    writeFileSync(file, await formatServerJson({ serverJson, file }));
    console.log(`wrote ${relative(repositoryRoot, file)} (${serverJson.version})`);
  }
} catch (error) {
  console.error(`registry:write: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
