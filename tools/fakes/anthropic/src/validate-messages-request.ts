/** The subset of a Messages API request the fake reads. */
export interface MessagesRequest {
  model: string;
  max_tokens: number;
  messages: Array<{ role: 'user' | 'assistant'; content: string | ContentBlock[] }>;
  system?: string | Array<{ type: 'text'; text: string; cache_control?: unknown }>;
  tools?: Array<{ name: string; description?: string; input_schema: { type?: string }; cache_control?: unknown }>;
  stream?: boolean;
  [key: string]: unknown;
}

export type ContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown }
  | { type: 'tool_result'; tool_use_id: string; content?: unknown; is_error?: boolean }
  | { type: string; [key: string]: unknown };

const toolNamePattern = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Checks a request the way the Messages API does and returns the API's error message for the first
 * problem, or undefined. The wording follows the real `invalid_request_error` messages.
 */
export function validateMessagesRequest(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'Request body must be a JSON object.';
  const request = body as Partial<MessagesRequest>;
  if (typeof request.model !== 'string' || request.model.length === 0) return 'model: Field required';
  if (!Number.isInteger(request.max_tokens) || (request.max_tokens as number) < 1)
    return 'max_tokens: Field required and must be a positive integer';
  if (!Array.isArray(request.messages) || request.messages.length === 0)
    return 'messages: at least one message is required';
  if (request.system !== undefined && typeof request.system !== 'string') {
    if (
      !Array.isArray(request.system) ||
      request.system.some((block) => block?.type !== 'text' || typeof block.text !== 'string')
    ) {
      return 'system: Input should be a valid string or a list of text blocks';
    }
  }
  const names = new Set<string>();
  for (const [index, tool] of (request.tools ?? []).entries()) {
    if (typeof tool?.name !== 'string' || !toolNamePattern.test(tool.name)) {
      return `tools.${index}.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`;
    }
    if (names.has(tool.name)) return `tools: Tool names must be unique.`;
    names.add(tool.name);
    if (!tool.input_schema || typeof tool.input_schema !== 'object' || tool.input_schema.type !== 'object') {
      return `tools.${index}.custom.input_schema.type: Input should be 'object'`;
    }
  }
  for (const [index, message] of request.messages.entries()) {
    const expected = index % 2 === 0 ? 'user' : 'assistant';
    if (message?.role !== 'user' && message?.role !== 'assistant')
      return `messages.${index}.role: Input should be 'user' or 'assistant'`;
    if (message.role !== expected) {
      return index === 0
        ? 'messages: first message must use the "user" role'
        : 'messages: roles must alternate between "user" and "assistant", but found multiple "' +
            message.role +
            '" roles in a row';
    }
    const blocks: ContentBlock[] =
      typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    if (!Array.isArray(blocks) || blocks.length === 0) {
      return `messages.${index}: all messages must have non-empty content except for the optional final assistant message`;
    }
    for (const block of blocks) {
      if (block.type === 'text' && (typeof block.text !== 'string' || (block.text as string).length === 0)) {
        return `messages.${index}: text content blocks must be non-empty`;
      }
    }
    const previous = request.messages[index - 1];
    const previousToolUses =
      previous && Array.isArray(previous.content)
        ? previous.content.filter(
            (block): block is Extract<ContentBlock, { type: 'tool_use' }> => block.type === 'tool_use',
          )
        : [];
    const results = blocks.filter(
      (block): block is Extract<ContentBlock, { type: 'tool_result' }> => block.type === 'tool_result',
    );
    if (message.role === 'user') {
      for (const result of results) {
        if (!previousToolUses.some((use) => use.id === result.tool_use_id)) {
          return `messages.${index}.content: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${result.tool_use_id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
        }
      }
      const missing = previousToolUses.filter((use) => !results.some((result) => result.tool_use_id === use.id));
      if (missing.length > 0) {
        return `messages.${index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.map((use) => use.id).join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
      }
    } else if (results.length > 0) {
      return `messages.${index}: tool_result blocks can only be in user messages`;
    }
    if (message.role === 'assistant' && index === request.messages.length - 1) continue;
  }
  const last = request.messages.at(-1)!;
  if (
    last.role === 'assistant' &&
    Array.isArray(last.content) &&
    last.content.some((block) => block.type === 'tool_use')
  ) {
    return 'messages: the final assistant message cannot end with a tool_use block';
  }
  return undefined;
}
