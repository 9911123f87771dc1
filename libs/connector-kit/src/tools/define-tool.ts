import type { z } from 'zod';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../logging/create-logger.js';
import type { ProgressReporter } from '../progress/progress-reporter.js';

export interface ToolHandlerOptions<Context, Input> {
  input: Input;
  context: Context;
  /** Aborted when the client cancels the call or the connection closes. */
  signal: AbortSignal;
  progress: ProgressReporter;
  logger: Logger;
  /** Characters the text rendering may use. */
  maxChars: number;
  /**
   * Characters the structured output may take as JSON (`jsonLength`). Cut it yourself, consistently with
   * the text (`fitJsonItems`, `truncateJsonValue`), and set `truncated`; the kit cuts anything beyond
   * this generically.
   */
  maxStructuredChars: number;
}

export interface ToolOutput<Output> {
  /**
   * Validated against the output schema and sent as `structuredContent`, within the structured budget:
   * when it is larger, the kit cuts it (long strings, the last items of arrays) and sets `truncated: true`.
   */
  structured: Output;
  /** Compact rendering for the model; cut to the budget by the kit if it is still too long. */
  text: string;
  /** How to get what the budget left out, used in the truncation marker. */
  moreHint?: string;
}

export interface ToolDefinition<
  Context = unknown,
  InputSchema extends z.ZodObject = z.ZodObject,
  OutputSchema extends z.ZodObject = z.ZodObject,
> {
  /** snake_case, unique within the connector. */
  name: string;
  title: string;
  description: string;
  input: InputSchema;
  /**
   * The shape of `structured`. The kit adds an optional top-level `truncated` boolean when the schema has
   * none, so that a result it had to cut still validates in clients.
   */
  output: OutputSchema;
  annotations: Required<Pick<ToolAnnotations, 'readOnlyHint'>> &
    Pick<ToolAnnotations, 'destructiveHint' | 'idempotentHint' | 'openWorldHint'>;
  /** A tool that changes data: registered only when the connector's writes are enabled. */
  writes?: boolean;
  /** Overrides the connector-wide character budget for this tool's text. */
  maxChars?: number;
  handler(options: ToolHandlerOptions<Context, z.output<InputSchema>>): Promise<ToolOutput<z.output<OutputSchema>>>;
}

/** Identity helper that gives a tool definition its types; the kit registers it. */
export function defineTool<Context, InputSchema extends z.ZodObject, OutputSchema extends z.ZodObject>(
  definition: ToolDefinition<Context, InputSchema, OutputSchema>,
): ToolDefinition<Context, InputSchema, OutputSchema> {
  if (definition.writes && definition.annotations.readOnlyHint) {
    throw new Error(`Tool ${definition.name} writes but is annotated read-only`);
  }
  return definition;
}

/**
 * Binds `defineTool` to a connector's context type, so each tool file gets a typed `context` without
 * spelling out the generics: `export const defineMysqlTool = toolDefiner<MysqlContext>();`
 */
export function toolDefiner<Context>() {
  return <InputSchema extends z.ZodObject, OutputSchema extends z.ZodObject>(
    definition: ToolDefinition<Context, InputSchema, OutputSchema>,
  ): ToolDefinition<Context, InputSchema, OutputSchema> => defineTool(definition);
}
