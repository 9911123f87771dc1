/**
 * A whole-number flag of the benchmark command line, `--name=value` (`npm run bench -- schedules --minutes=10`);
 * `fallback` when it is not given. The runner ignores arguments that start with `--` when it picks benchmarks.
 */
export function readNumberFlag({
  name,
  fallback,
  argv = process.argv.slice(2),
}: {
  name: string;
  fallback: number;
  argv?: string[];
}): number {
  const prefix = `--${name}=`;
  const argument = argv.find((item) => item.startsWith(prefix));
  if (argument === undefined) return fallback;
  const value = Number(argument.slice(prefix.length));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name}: expected a whole number above 0`);
  return value;
}
