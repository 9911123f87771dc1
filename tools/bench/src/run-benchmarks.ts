// Runs every `src/benchmarks/*.bench.ts` (or those named on the command line) and prints one table.
// Usage: npm run bench [-- mysql s3] (arguments like `--minutes=5` are flags of a benchmark, not names)
import { readdir } from 'node:fs/promises';
import type { Benchmark, BenchmarkRow } from './benchmark.ts';
import { printTable } from './print-table.ts';

const directory = new URL('./benchmarks/', import.meta.url);
const wanted = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
const files = (await readdir(directory))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .sort();
if (files.length === 0) {
  console.error(`No benchmarks match ${wanted.join(', ') || '*'} in ${directory.pathname}`);
  process.exit(1);
}
const rows: BenchmarkRow[] = [];
let failed = false;
for (const file of files) {
  const { default: benchmark } = (await import(new URL(file, directory).href)) as { default: Benchmark };
  process.stderr.write(`running ${benchmark.name}…\n`);
  try {
    rows.push(...(await benchmark.run()));
  } catch (error) {
    failed = true;
    console.error(`${benchmark.name} failed:`, error);
  }
}
console.log(printTable({ rows }));
process.exit(failed || rows.some((row) => row.met === false) ? 1 : 0);
