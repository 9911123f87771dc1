import type Anthropic from '@anthropic-ai/sdk';
import { fitConversation } from './fit-conversation.js';

const toolTurn = (id: string, size: number): Anthropic.MessageParam[] => [
  { role: 'assistant', content: [{ type: 'tool_use', id, name: 'mysql__execute_query', input: {} }] },
  { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: 'x'.repeat(size) }] },
];

describe('fitConversation', () => {
  it('leaves a conversation within budget untouched', () => {
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'hi' }, ...toolTurn('a', 100)];
    expect(fitConversation({ messages, tokenBudget: 1000 })).toEqual({ messages, elided: 0 });
  });

  it('elides the oldest tool results first, with a note, and never the latest turn', () => {
    const messages: Anthropic.MessageParam[] = [
      { role: 'user', content: 'hi' },
      ...toolTurn('a', 8000),
      ...toolTurn('b', 8000),
      ...toolTurn('c', 8000),
    ];
    const { messages: fitted, elided } = fitConversation({ messages, tokenBudget: 4500 });
    expect(elided).toBe(1);
    const contents = fitted
      .filter((message) => message.role === 'user' && typeof message.content !== 'string')
      .map((message) => JSON.stringify(message.content));
    expect(contents[0]).toContain('earlier result elided to fit the context window: 8002 characters');
    expect(contents[2]).toContain('x'.repeat(8000));
    expect(messages[2]).toEqual(toolTurn('a', 8000)[1]);
  });
});
