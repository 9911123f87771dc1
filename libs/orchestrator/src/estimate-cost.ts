import type { ChatUsage } from './chat-events.js';

/** List prices in US dollars per million tokens: input, output, cache write, cache read. */
const pricesPerMillion: Array<{ pattern: RegExp; input: number; output: number }> = [
  { pattern: /opus/, input: 15, output: 75 },
  { pattern: /haiku/, input: 1, output: 5 },
  { pattern: /sonnet|.*/, input: 3, output: 15 },
];

export function estimateCost({ model, usage }: { model: string; usage: Omit<ChatUsage, 'estimatedCostUsd'> }): number {
  const price = pricesPerMillion.find((entry) => entry.pattern.test(model))!;
  const cost =
    (usage.inputTokens * price.input +
      usage.outputTokens * price.output +
      usage.cacheWriteTokens * price.input * 1.25 +
      usage.cacheReadTokens * price.input * 0.1) /
    1_000_000;
  return Math.round(cost * 1_000_000) / 1_000_000;
}
