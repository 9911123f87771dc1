import type { Usage } from './chat-items.js';

const numberFormat = new Intl.NumberFormat();

/** Tokens and the estimated cost of one answer. */
export function UsageLine({ usage }: { usage: Usage }) {
  const cost = usage.estimatedCostUsd < 0.01 ? usage.estimatedCostUsd.toFixed(4) : usage.estimatedCostUsd.toFixed(2);
  return (
    <p className="mt-1 text-xs text-slate-500 dark:text-slate-400" data-testid="usage-line">
      <span className="sr-only">Token use: </span>
      {numberFormat.format(usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens)} in
      {usage.cacheReadTokens > 0 ? ` (${numberFormat.format(usage.cacheReadTokens)} cached)` : ''} ·{' '}
      {numberFormat.format(usage.outputTokens)} out · ≈ ${cost}
    </p>
  );
}
