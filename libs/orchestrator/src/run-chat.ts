import Anthropic from '@anthropic-ai/sdk';
import { buildSystemPrompt } from './build-system-prompt.js';
import type { ApproveToolCall } from './approval-request.js';
import type { ChatEvent, ChatUsage } from './chat-events.js';
import { classifyAnthropicError } from './classify-anthropic-error.js';
import type { ConnectorHub, HubTool } from './connector-hub.js';
import { estimateCost } from './estimate-cost.js';
import { executeToolCall } from './execute-tool-call.js';
import { fitConversation } from './fit-conversation.js';

export const defaultModel = 'claude-sonnet-5-5';

export interface RunChatOptions {
  hub: ConnectorHub;
  /** The conversation so far, ending with the user's message. */
  messages: Anthropic.MessageParam[];
  /** Datasource ids whose tools the model may use. */
  datasources: string[];
  signal?: AbortSignal;
  /** Asked before any tool not annotated read-only runs; resolving false refuses it. Without it, such tools are refused. */
  approve?: ApproveToolCall;
  onEvent: (event: ChatEvent) => void;
  /**
   * Called with each message the run adds to the conversation (an assistant turn, the tool results that
   * answer it, partial text kept on an error), in order and as soon as it exists, so a caller can store
   * it before the next step: a crash then loses at most the step in progress. Awaited before the run
   * goes on.
   */
  onMessage?: (message: Anthropic.MessageParam) => void | Promise<void>;
  /** Default: ANTHROPIC_MODEL, else a current Claude Sonnet. */
  model?: string;
  /** Replaces the generated system prompt (today's date is still added). */
  system?: string;
  maxSteps?: number;
  /**
   * Tokens the whole run may use (input, cache reads and writes, and output, summed over its model steps):
   * once reached, the run stops before its next model step with an `error` event `token_budget`. A step in
   * progress is never cut, so a run may end somewhat above it. No limit by default.
   */
  tokenBudget?: number;
  maxTokens?: number;
  /** Token budget of one tool result as the model sees it. */
  toolResultTokens?: number;
  /** Token budget of the conversation sent to the model. */
  contextTokens?: number;
  /** An Anthropic client; by default one is made from ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL. */
  anthropic?: Anthropic;
  environment?: Record<string, string | undefined>;
  now?: Date;
}

export interface RunChatResult {
  /** The conversation including this run's assistant turns and tool results (partial text kept on errors). */
  messages: Anthropic.MessageParam[];
  stopReason: string;
  usage: ChatUsage;
}

/**
 * The Claude tool-use loop: streams a turn, runs the tool calls it asks for (concurrently, read-only ones
 * directly, others after approval), feeds the results back, and repeats until the model ends its turn or
 * the step limit is reached. Everything that happens is reported through `onEvent`.
 */
export async function runChat(options: RunChatOptions): Promise<RunChatResult> {
  const { hub, onEvent, signal, environment = process.env } = options;
  const model = options.model ?? environment.ANTHROPIC_MODEL ?? defaultModel;
  const maxSteps = options.maxSteps ?? 10;
  const usage: Omit<ChatUsage, 'estimatedCostUsd'> = {
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
  };
  const conversation = [...options.messages];
  const append = async (message: Anthropic.MessageParam) => {
    conversation.push(message);
    await options.onMessage?.(message);
  };
  const finish = (stopReason: string): RunChatResult => {
    const total = { ...usage, estimatedCostUsd: estimateCost({ model, usage }) };
    onEvent({ type: 'usage', ...total });
    onEvent({ type: 'done', stopReason });
    return { messages: conversation, stopReason, usage: total };
  };
  const failWith = (code: Extract<ChatEvent, { type: 'error' }>['code'], message: string, retryable: boolean) => {
    onEvent({ type: 'error', code, message, retryable });
    return finish(code);
  };

  const apiKey = environment.ANTHROPIC_API_KEY;
  if (!options.anthropic && !apiKey) {
    return failWith(
      'missing_api_key',
      'No Anthropic API key is configured: set ANTHROPIC_API_KEY to chat. The tool explorer works without it.',
      false,
    );
  }
  const anthropic =
    options.anthropic ??
    new Anthropic({
      apiKey,
      ...(environment.ANTHROPIC_BASE_URL ? { baseURL: environment.ANTHROPIC_BASE_URL } : {}),
      maxRetries: 2,
    });

  const datasourceConfigs = hub.datasources().filter((datasource) => options.datasources.includes(datasource.id));
  const { tools, failures } = await hub.tools({ datasourceIds: options.datasources });
  for (const failure of failures) {
    onEvent({
      type: 'error',
      code: 'tool_failed',
      message: `The ${failure.datasourceId} datasource is unavailable: ${failure.error}`,
      retryable: true,
    });
  }
  const byName = new Map<string, HubTool>(tools.map((tool) => [tool.modelName, tool]));
  const toolParams: Anthropic.Tool[] = tools.map((entry, index) => ({
    name: entry.modelName,
    description: `[${entry.datasourceName}] ${entry.tool.description ?? entry.tool.title ?? entry.tool.name}`,
    input_schema: entry.tool.inputSchema as Anthropic.Tool.InputSchema,
    // The tool list and system prompt are a stable prefix: cache them.
    ...(index === tools.length - 1 ? { cache_control: { type: 'ephemeral' as const } } : {}),
  }));
  const system: Anthropic.TextBlockParam[] = [
    {
      type: 'text',
      text: buildSystemPrompt({
        datasources: datasourceConfigs,
        ...(options.now ? { now: options.now } : {}),
        ...(options.system ? { override: options.system } : {}),
      }),
      cache_control: { type: 'ephemeral' },
    },
  ];

  for (let step = 0; step < maxSteps; step += 1) {
    if (signal?.aborted) return failWith('cancelled', 'The run was cancelled.', false);
    const used = usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens + usage.outputTokens;
    if (options.tokenBudget !== undefined && used >= options.tokenBudget)
      return failWith(
        'token_budget',
        `Stopped after using ${used} tokens, the budget of ${options.tokenBudget}, without a final answer.`,
        false,
      );
    const { messages: fitted, elided } = fitConversation({
      messages: conversation,
      tokenBudget: options.contextTokens ?? 150_000,
    });
    if (elided > 0) conversation.splice(0, conversation.length, ...fitted);
    let partialText = '';
    let message: Anthropic.Message;
    try {
      const stream = anthropic.messages.stream(
        {
          model,
          max_tokens: options.maxTokens ?? 4096,
          system,
          messages: fitted,
          ...(toolParams.length > 0 ? { tools: toolParams } : {}),
        },
        signal ? { signal } : {},
      );
      stream.on('text', (text) => {
        partialText += text;
        onEvent({ type: 'text_delta', text });
      });
      message = await stream.finalMessage();
    } catch (error) {
      // A failure after text has streamed is not retried: keep what was said, report, stop.
      if (partialText) await append({ role: 'assistant', content: [{ type: 'text', text: partialText }] });
      if (signal?.aborted) return failWith('cancelled', 'The run was cancelled.', false);
      const classified = classifyAnthropicError(error);
      return failWith(classified.code, classified.message, classified.retryable);
    }
    usage.inputTokens += message.usage.input_tokens;
    usage.outputTokens += message.usage.output_tokens;
    usage.cacheReadTokens += message.usage.cache_read_input_tokens ?? 0;
    usage.cacheWriteTokens += message.usage.cache_creation_input_tokens ?? 0;
    await append({ role: 'assistant', content: message.content as Anthropic.ContentBlockParam[] });

    const toolUses = message.content.filter((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use');
    if (message.stop_reason !== 'tool_use' || toolUses.length === 0) return finish(message.stop_reason ?? 'end_turn');

    const results = await Promise.all(toolUses.map((toolUse) => runToolUse({ toolUse, byName, options, signal })));
    await append({ role: 'user', content: results });
    if (signal?.aborted) return failWith('cancelled', 'The run was cancelled.', false);
  }
  return failWith(
    'step_limit',
    `Stopped after ${maxSteps} steps without a final answer; ask a narrower question or continue.`,
    false,
  );
}

async function runToolUse({
  toolUse,
  byName,
  options,
  signal,
}: {
  toolUse: Anthropic.ToolUseBlock;
  byName: Map<string, HubTool>;
  options: RunChatOptions;
  signal: AbortSignal | undefined;
}): Promise<Anthropic.ToolResultBlockParam> {
  const entry = byName.get(toolUse.name);
  const result = (content: string, isError: boolean): Anthropic.ToolResultBlockParam => ({
    type: 'tool_result',
    tool_use_id: toolUse.id,
    content,
    ...(isError ? { is_error: true } : {}),
  });
  if (!entry) return result(`There is no tool named ${toolUse.name}.`, true);
  const finished = await executeToolCall({
    hub: options.hub,
    entry,
    id: toolUse.id,
    arguments: toolUse.input,
    onEvent: options.onEvent,
    ...(options.approve ? { approve: options.approve } : {}),
    ...(signal ? { signal } : {}),
    ...(options.toolResultTokens !== undefined ? { toolResultTokens: options.toolResultTokens } : {}),
  });
  return result(finished.modelText, finished.status !== 'ok');
}
