import type Anthropic from '@anthropic-ai/sdk';
import { charactersPerToken } from './tool-result-for-model.js';

type MessageParam = Anthropic.MessageParam;

function sizeOf(message: MessageParam): number {
  return typeof message.content === 'string' ? message.content.length : JSON.stringify(message.content).length;
}

/**
 * Keeps a conversation within a token budget by replacing the oldest tool results with a short note
 * (the model is told what was removed, nothing disappears silently). The latest turn is never touched.
 */
export function fitConversation({ messages, tokenBudget }: { messages: MessageParam[]; tokenBudget: number }): {
  messages: MessageParam[];
  elided: number;
} {
  const limit = tokenBudget * charactersPerToken;
  let total = messages.reduce((sum, message) => sum + sizeOf(message), 0);
  if (total <= limit) return { messages, elided: 0 };
  let elided = 0;
  const fitted = messages.map((message) => ({ ...message }));
  for (let index = 0; index < fitted.length - 2 && total > limit; index += 1) {
    const message = fitted[index]!;
    if (message.role !== 'user' || typeof message.content === 'string') continue;
    const before = sizeOf(message);
    message.content = message.content.map((block) => {
      if (block.type !== 'tool_result') return block;
      const size = JSON.stringify(block.content ?? '').length;
      if (size < 200) return block;
      elided += 1;
      return {
        ...block,
        content: `[earlier result elided to fit the context window: ${size} characters; call the tool again if it is needed]`,
      };
    });
    total += sizeOf(message) - before;
  }
  return { messages: fitted, elided };
}
