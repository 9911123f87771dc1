// Distribution: what a user's first `npx -y @connectormcp/<name>` costs. Per connector: a first install of
// its packed tarball (plus any @connectormcp package it still needs at run time, packed too, since none is on
// the registry) into an empty project with an empty npm cache — bytes downloaded, packages installed, size
// on disk — and the size of its MCP Bundle if `npm run release:dry` built one. For MySQL also spawn → first
// tool result over stdio, against benborla's @benborla29/mcp-server-mysql installed the same way in the same
// run, on the same MariaDB. Needs the npm registry (benborla's package, and our dependencies for as long as
// a connector has any) and the connectors' built dist/ (`npm run bench` builds first).
// DISTRIBUTION_BENCH_WORKSPACE=<dir> measures another copy of the workspace instead (e.g. an earlier commit
// built in a temp folder, its node_modules/@connectormcp linked to its own packages), to compare before/after.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedMysqlSample, startMariadb } from '@connectormcp/services';
import { defineBenchmark, type BenchmarkRow } from '../benchmark.ts';
import { measureFirstInstall, type FirstInstall } from '../measure-first-install.ts';
import { percentile } from '../measure.ts';
import { packWithWorkspaceDependencies } from '../pack-with-workspace-dependencies.ts';
import { timeServerStart } from '../time-server-start.ts';

const workspaceRoot =
  process.env.DISTRIBUTION_BENCH_WORKSPACE ?? fileURLToPath(new URL('../../../../', import.meta.url));
const connectors = ['mysql', 's3', 'jira', 'shopify'];
// Pinned so that runs stay comparable; the figures were taken with this package's latest release.
const benborlaPackage = '@benborla29/mcp-server-mysql@2.0.9';
const downloadGoalMegabytes = 15;
const packageGoal = 40;
const startUpGoalRatio = 0.5;
const warmRuns = 7;
const query = 'SELECT id, sku, title, price FROM products ORDER BY id LIMIT 5';
const expectedInResult = 'SKU-1004';
const megabyte = 1_000_000;
const maximumListedPackages = 10;

const notes = {
  downloaded:
    'Bytes a first install downloads: the packed tarballs (standing in for the registry copy) + every tarball ' +
    'npm fetched from the registry (exact, from the fresh cache index) + registry metadata, whose gzip size is ' +
    'estimated here (npm stores it decompressed). MB = 10^6 bytes.',
  disk:
    'node_modules on disk, `du -sk` (allocated blocks), MB = 10^6 bytes. The issue\'s "126 MB" (kit + mysql) ' +
    'and "192 MB" (benborla) were this measure in MiB (`du -sh`); no goal, the goal is on download.',
  installTime: 'Wall time of `npm install` with an empty cache: depends on the network, shown for reference only.',
  packages: 'Entries of node_modules/.package-lock.json `packages`, nested copies included.',
  bundleMissing: 'Not built: `npm run release:dry` writes the .mcpb to libs/connectors/<name>/release/.',
  startUp:
    'Spawn (`node node_modules/.bin/<bin>` in the temp install, what npx runs) → MCP initialize over stdio → ' +
    `the first read query's result (ours execute_query; ${benborlaPackage} mysql_query; "${query}"), same ` +
    'MariaDB, same Node. Cold = first run after install (files in the OS cache for both); warm = ' +
    `${warmRuns} runs each after it, interleaved.`,
};

async function findBundle({ name }: { name: string }): Promise<{ file: string; bytes: number } | undefined> {
  const directory = join(workspaceRoot, 'libs', 'connectors', name, 'release');
  const files = await readdir(directory).catch(() => [] as string[]);
  const file = files.find((candidate) => candidate.endsWith('.mcpb'));
  return file ? { file, bytes: (await stat(join(directory, file))).size } : undefined;
}

/**
 * Whether our installed connector turns on Node's module compile cache itself: then the cold run gets an
 * empty NODE_COMPILE_CACHE directory and the warm runs share it. Without it we do not set the variable,
 * since Node would then cache for a connector whose users get no cache.
 */
async function usesCompileCache({ directory }: { directory: string }): Promise<boolean> {
  const files = await readdir(join(directory, 'node_modules', '@connectormcp'), { recursive: true });
  for (const file of files.filter((path) => path.endsWith('.js') && !path.includes('node_modules'))) {
    const text = await readFile(join(directory, 'node_modules', '@connectormcp', file), 'utf8');
    if (text.includes('enableCompileCache')) return true;
  }
  return false;
}

function installRows({
  name,
  install,
  reference,
}: {
  name: string;
  install: FirstInstall;
  reference?: FirstInstall;
}): BenchmarkRow[] {
  const benchmark = 'distribution: first install, empty cache';
  const baseline = (value: number) => (reference ? { baseline: value } : {});
  return [
    {
      benchmark,
      metric: `${name}: downloaded`,
      value: install.downloadedBytes / megabyte,
      unit: 'MB',
      ...baseline((reference?.downloadedBytes ?? 0) / megabyte),
      goal: `<= ${downloadGoalMegabytes} MB`,
      met: install.downloadedBytes <= downloadGoalMegabytes * megabyte,
      note: notes.downloaded,
    },
    {
      benchmark,
      metric: `${name}: of which tarballs (${install.registryTarballCount} from the registry)`,
      value: (install.localTarballBytes + install.registryTarballBytes) / megabyte,
      unit: 'MB',
      ...baseline(((reference?.localTarballBytes ?? 0) + (reference?.registryTarballBytes ?? 0)) / megabyte),
    },
    {
      benchmark,
      metric: `${name}: of which metadata (${install.metadataCount} documents, ${(install.metadataBytes / megabyte).toFixed(1)} MB unzipped)`,
      value: install.metadataGzipBytes / megabyte,
      unit: 'MB',
      ...baseline((reference?.metadataGzipBytes ?? 0) / megabyte),
      // A short list says which dependency (or peer) made npm ask the registry at all.
      ...(install.metadataCount > 0 && install.metadataCount <= maximumListedPackages
        ? { note: `${name} made npm fetch the metadata of ${install.metadataPackages.sort().join(', ')}.` }
        : {}),
    },
    {
      benchmark,
      metric: `${name}: packages installed`,
      value: install.packageCount,
      unit: 'packages',
      ...baseline(reference?.packageCount ?? 0),
      goal: `<= ${packageGoal}`,
      met: install.packageCount <= packageGoal,
      note: notes.packages,
    },
    {
      benchmark,
      metric: `${name}: node_modules on disk`,
      value: install.diskBytes / megabyte,
      unit: 'MB',
      ...baseline((reference?.diskBytes ?? 0) / megabyte),
      note: notes.disk,
    },
    {
      benchmark,
      metric: `${name}: npm install time`,
      value: install.seconds,
      unit: 's',
      ...baseline(reference?.seconds ?? 0),
      note: notes.installTime,
    },
  ];
}

async function measureStartUp({
  ours,
  benborla,
}: {
  ours: FirstInstall;
  benborla: FirstInstall;
}): Promise<BenchmarkRow[]> {
  const server = await startMariadb();
  const compileCache = await mkdtemp(join(tmpdir(), 'connectormcp-compile-cache-'));
  try {
    await seedMysqlSample({ url: server.url, database: 'shop' });
    const cached = await usesCompileCache({ directory: ours.directory });
    const servers = {
      ours: {
        args: [join(ours.directory, 'node_modules', '.bin', 'connectormcp-mysql')],
        cwd: ours.directory,
        env: {
          MYSQL_HOST: server.host,
          MYSQL_PORT: String(server.port),
          MYSQL_USER: server.user,
          MYSQL_PASSWORD: server.password,
          MYSQL_DATABASE: 'shop',
          ...(cached ? { NODE_COMPILE_CACHE: compileCache } : {}),
        },
        firstCall: { tool: 'execute_query', arguments: { sql: query }, expect: expectedInResult },
      },
      benborla: {
        args: [join(benborla.directory, 'node_modules', '.bin', 'mcp-server-mysql')],
        cwd: benborla.directory,
        env: {
          MYSQL_HOST: server.host,
          MYSQL_PORT: String(server.port),
          MYSQL_USER: server.user,
          MYSQL_PASS: server.password,
          MYSQL_DB: 'shop',
        },
        firstCall: { tool: 'mysql_query', arguments: { sql: query }, expect: expectedInResult },
      },
    };
    // Each round runs both, and each round the other one goes first, so neither always runs on a machine
    // the other just warmed or loaded.
    const interleave = async ({ rounds, withCall }: { rounds: number; withCall: boolean }) => {
      const samples = { ours: [] as number[], benborla: [] as number[] };
      for (let round = 0; round < rounds; round += 1) {
        const order = round % 2 === 0 ? (['ours', 'benborla'] as const) : (['benborla', 'ours'] as const);
        for (const which of order) {
          const { firstCall, ...spawn } = servers[which];
          samples[which].push(await timeServerStart({ ...spawn, ...(withCall ? { firstCall } : {}) }));
        }
      }
      return samples;
    };
    const cold = await interleave({ rounds: 1, withCall: true });
    const warm = await interleave({ rounds: warmRuns, withCall: true });
    const initialize = await interleave({ rounds: warmRuns, withCall: false });

    const benchmark = 'distribution: mysql spawn → first result, ours vs benborla';
    const note = [
      notes.startUp,
      cached
        ? 'Our bin enables the compile cache: its cold run starts with an empty NODE_COMPILE_CACHE directory.'
        : 'Our bin does not enable the compile cache, so NODE_COMPILE_CACHE is not set.',
      // The machine is shared; its load says how much to trust a single run.
      `Load average after the runs: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(', ')}.`,
    ].join(' ');
    const median = (samples: number[]) => percentile({ samples, p: 50 });
    const minimum = (samples: number[]) => Math.min(...samples);
    const row = ({
      metric,
      value,
      baseline,
      withGoal,
    }: {
      metric: string;
      value: number;
      baseline: number;
      withGoal: boolean;
    }): BenchmarkRow => ({
      benchmark,
      metric,
      value,
      unit: 'ms',
      baseline,
      ...(withGoal ? { goal: `<= ${startUpGoalRatio}x`, met: value <= startUpGoalRatio * baseline } : {}),
      note,
    });
    return [
      row({ metric: 'cold, first run', value: cold.ours[0]!, baseline: cold.benborla[0]!, withGoal: true }),
      row({
        metric: `warm, median of ${warmRuns}`,
        value: median(warm.ours),
        baseline: median(warm.benborla),
        withGoal: true,
      }),
      row({
        metric: `warm, min of ${warmRuns}`,
        value: minimum(warm.ours),
        baseline: minimum(warm.benborla),
        withGoal: false,
      }),
      // Where the time goes: the same start without the query, i.e. loading the server and answering initialize.
      row({
        metric: `warm, spawn → initialize only, median of ${warmRuns}`,
        value: median(initialize.ours),
        baseline: median(initialize.benborla),
        withGoal: false,
      }),
    ];
  } finally {
    await rm(compileCache, { recursive: true, force: true });
    await server.stop();
  }
}

export default defineBenchmark({
  name: 'distribution',
  async run() {
    const packed = await mkdtemp(join(tmpdir(), 'connectormcp-packed-'));
    const installs = new Map<string, FirstInstall>();
    try {
      for (const name of connectors) {
        process.stderr.write(`  first install of ${name}…\n`);
        const tarballs = await packWithWorkspaceDependencies({
          packageDirectory: join(workspaceRoot, 'libs', 'connectors', name),
          workspaceRoot,
          destination: await mkdtemp(join(packed, `${name}-`)),
        });
        installs.set(name, await measureFirstInstall({ specifiers: tarballs }));
      }
      process.stderr.write(`  first install of ${benborlaPackage}…\n`);
      const benborla = await measureFirstInstall({ specifiers: [benborlaPackage] });
      installs.set('benborla', benborla);

      const rows: BenchmarkRow[] = [];
      for (const name of connectors) {
        rows.push(
          ...installRows({ name, install: installs.get(name)!, ...(name === 'mysql' ? { reference: benborla } : {}) }),
        );
      }
      rows.push(
        ...installRows({ name: `reference ${benborlaPackage}`, install: benborla }).map(
          ({ goal: _goal, met: _met, ...row }) => row,
        ),
      );
      for (const name of connectors) {
        const bundle = await findBundle({ name });
        rows.push({
          benchmark: 'distribution: MCP Bundle (.mcpb)',
          metric: `${name}: ${bundle?.file ?? 'bundle'}`,
          value: bundle ? bundle.bytes / megabyte : Number.NaN,
          unit: 'MB',
          ...(bundle ? {} : { note: notes.bundleMissing }),
        });
      }
      process.stderr.write(`  mysql start-up against ${benborlaPackage}…\n`);
      rows.push(...(await measureStartUp({ ours: installs.get('mysql')!, benborla })));
      return rows;
    } finally {
      for (const install of installs.values()) await install.remove();
      await rm(packed, { recursive: true, force: true });
    }
  },
});
