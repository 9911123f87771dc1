import type Anthropic from '@anthropic-ai/sdk';
import { repairHistory } from './repair-history.js';

describe('repairHistory', () => {
  it('merges a question left without an answer into the next one', () => {
    const messages: Anthropic.MessageParam[] = [
      { role: 'user', content: 'first' },
      { role: 'user', content: 'second' },
    ];
    expect(repairHistory({ messages })).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'first' },
          { type: 'text', text: 'second' },
        ],
      },
    ]);
  });

  it('answers tool calls that never returned', () => {
    const messages: Anthropic.MessageParam[] = [
      { role: 'user', content: 'count' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'shop__execute_query', input: {} }] },
      { role: 'user', content: 'still there?' },
    ];
    expect(repairHistory({ messages })).toEqual([
      messages[0],
      messages[1],
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: 'toolu_1',
            is_error: true,
            content: 'The run was interrupted before this tool call returned.',
          },
          { type: 'text', text: 'still there?' },
        ],
      },
    ]);
  });

  it('leaves a valid history alone', () => {
    const messages: Anthropic.MessageParam[] = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: [{ type: 'text', text: 'hello' }] },
    ];
    expect(repairHistory({ messages })).toEqual(messages);
  });
});
