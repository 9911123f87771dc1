import type { Request, Response } from 'express';
import type { ChatStreamEvent } from './contracts/index.js';

export interface EventStream {
  /** Whether the client asked for Server-Sent Events (else the route answers JSON at the end). */
  streaming: boolean;
  send(event: ChatStreamEvent): void;
  /** Ends the stream with `event: end`. */
  end(): void;
}

/**
 * Starts a Server-Sent Events answer when the client accepts one, and cancels the work (`onClose`) when the
 * client goes away before the answer is complete.
 */
export function openEventStream({
  request,
  response,
  onClose,
}: {
  request: Request;
  response: Response;
  onClose: () => void;
}): EventStream {
  const streaming = (request.headers.accept ?? '').includes('text/event-stream');
  if (streaming) {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
  }
  response.on('close', () => {
    if (!response.writableFinished) onClose();
  });
  return {
    streaming,
    send: (event) => {
      if (streaming && !response.writableEnded) response.write(`data: ${JSON.stringify(event)}\n\n`);
    },
    end: () => {
      if (!response.writableEnded) response.end('event: end\ndata: {}\n\n');
    },
  };
}
