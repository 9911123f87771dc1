import type { ConnectionTest } from './admin-datasource-types.js';

/** A connection test's outcome in words: tool count and latency, or what went wrong. */
export function ConnectionTestResult({ result, error }: { result: ConnectionTest | undefined; error: Error | null }) {
  if (error)
    return (
      <p role="status" className="text-sm text-rose-700 dark:text-rose-300">
        The test could not run: {error.message}
      </p>
    );
  if (!result) return null;
  if (result.status === 'ok')
    return (
      <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300" data-testid="connection-test-result">
        <span aria-hidden="true">✓ </span>Connected in {Math.round(result.latencyMs)} ms · {result.toolCount}{' '}
        {result.toolCount === 1 ? 'tool' : 'tools'}
        {result.check ? ` · ${result.check}` : ''}
      </p>
    );
  return (
    <p role="status" className="text-sm text-rose-700 dark:text-rose-300" data-testid="connection-test-result">
      <span aria-hidden="true">✕ </span>Could not connect: {result.error ?? 'the connector gave no reason.'}
    </p>
  );
}
