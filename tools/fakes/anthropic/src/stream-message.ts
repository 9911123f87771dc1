import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

export interface AssistantMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: Array<{ type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: unknown }>;
  stop_reason: string;
  stop_sequence: null;
  usage: {
    input_tokens: number;
    output_tokens: number;
    cache_creation_input_tokens: number;
    cache_read_input_tokens: number;
  };
}

function send(response: ServerResponse, event: string, data: unknown) {
  response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

function pieces(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let index = 0; index < text.length; index += size) parts.push(text.slice(index, index + size));
  return parts;
}

/**
 * Writes a message as the Messages API streams it: message_start, then per block content_block_start,
 * deltas (text_delta / input_json_delta) and content_block_stop, then message_delta with the stop
 * reason and usage, and message_stop; with a ping after the start as the API sends.
 */
export async function streamMessage({
  response,
  message,
  delayMs = 0,
  failAfterText,
  signal,
}: {
  response: ServerResponse;
  message: AssistantMessage;
  delayMs?: number;
  /** Send an overloaded_error event once this much text has streamed (a failure after the 200). */
  failAfterText?: string;
  signal: AbortSignal;
}): Promise<void> {
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'request-id': `req_${message.id}`,
  });
  const pause = () => (delayMs > 0 ? delay(delayMs, undefined, { signal }) : Promise.resolve());
  send(response, 'message_start', {
    type: 'message_start',
    message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } },
  });
  send(response, 'ping', { type: 'ping' });
  let streamed = '';
  for (const [index, block] of message.content.entries()) {
    await pause();
    if (block.type === 'text') {
      send(response, 'content_block_start', {
        type: 'content_block_start',
        index,
        content_block: { type: 'text', text: '' },
      });
      for (const part of pieces(block.text, 12)) {
        await pause();
        streamed += part;
        send(response, 'content_block_delta', {
          type: 'content_block_delta',
          index,
          delta: { type: 'text_delta', text: part },
        });
        if (failAfterText !== undefined && streamed.length >= failAfterText.length) {
          send(response, 'error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
          response.end();
          return;
        }
      }
    } else {
      send(response, 'content_block_start', {
        type: 'content_block_start',
        index,
        content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
      });
      const json = JSON.stringify(block.input ?? {});
      for (const part of pieces(json, Math.max(1, Math.ceil(json.length / 3)))) {
        await pause();
        send(response, 'content_block_delta', {
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json: part },
        });
      }
    }
    send(response, 'content_block_stop', { type: 'content_block_stop', index });
  }
  send(response, 'message_delta', {
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: null },
    usage: { output_tokens: message.usage.output_tokens },
  });
  send(response, 'message_stop', { type: 'message_stop' });
  response.end();
}
