import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { jsonLength } from '../output/json-length.js';

export interface StructuredBudgetReport {
  /** The `structuredContent`, as a host that reads only it would see it. */
  structured: Record<string, unknown>;
  /** Its JSON length, the measure of the structured budget. */
  length: number;
  truncated: boolean;
  /** The text, only to check that it agrees with the structured content. */
  text: string;
}

const listedClients = new WeakSet<Client>();

/**
 * Calls a tool the way a host that shows the model only `structuredContent` does, and throws unless the
 * result is a success whose structured content validates against the tool's output schema (the SDK
 * client checks it), fits `maxStructuredChars` as JSON, carries `truncated: true` when `expectTruncated`
 * says it must, and leaves the session alive (a ping answers afterwards).
 */
export async function callToolWithinStructuredBudget({
  client,
  name,
  arguments: toolArguments = {},
  maxStructuredChars,
  expectTruncated,
}: {
  client: Client;
  name: string;
  arguments?: Record<string, unknown>;
  maxStructuredChars: number;
  /** true: the result must say it was cut; false: it must not; undefined: either. */
  expectTruncated?: boolean;
}): Promise<StructuredBudgetReport> {
  // The client validates structured content only for tools it has listed.
  if (!listedClients.has(client)) {
    await client.listTools();
    listedClients.add(client);
  }
  const result = await client.callTool({ name, arguments: toolArguments });
  const text = (result.content as Array<{ type: string; text?: string }>).map((block) => block.text ?? '').join('\n');
  if (result.isError) throw new Error(`${name} failed: ${text}`);
  const structured = result.structuredContent as Record<string, unknown> | undefined;
  if (!structured) throw new Error(`${name} returned no structuredContent`);
  const length = jsonLength(structured);
  if (length > maxStructuredChars) {
    throw new Error(`${name} sent ${length} characters of structuredContent, over the budget of ${maxStructuredChars}`);
  }
  const truncated = structured.truncated === true;
  if (expectTruncated !== undefined && truncated !== expectTruncated) {
    throw new Error(`${name} answered truncated: ${String(structured.truncated)}, expected ${String(expectTruncated)}`);
  }
  await client.ping();
  return { structured, length, truncated, text };
}

export interface StructuredBudgetCaller {
  /** `callToolWithinStructuredBudget` with the suite's budget, on the suite's client unless another is given. */
  call(options: {
    name: string;
    arguments?: Record<string, unknown>;
    expectTruncated?: boolean;
    client?: Client;
  }): Promise<StructuredBudgetReport>;
  /** Names of the tools called so far, sorted: a suite checks it against the tool list to miss none. */
  calledTools(): string[];
}

/**
 * One budget and one record of the tools called, for a suite that must call every tool of a connector.
 * `client` is read at each call, since suites start their connector in `beforeAll`.
 */
export function createStructuredBudgetCaller({
  client,
  maxStructuredChars,
}: {
  client: () => Client;
  maxStructuredChars: number;
}): StructuredBudgetCaller {
  const called = new Set<string>();
  return {
    call: ({ name, arguments: toolArguments, expectTruncated, client: otherClient }) => {
      called.add(name);
      return callToolWithinStructuredBudget({
        client: otherClient ?? client(),
        name,
        ...(toolArguments ? { arguments: toolArguments } : {}),
        maxStructuredChars,
        ...(expectTruncated !== undefined ? { expectTruncated } : {}),
      });
    },
    calledTools: () => [...called].sort(),
  };
}
