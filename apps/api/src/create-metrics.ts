import type { ChatEvent } from '@connectormcp/orchestrator';
import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics: request durations, tool call latency and errors per datasource, tokens used. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: 'connectormcp_http_request_duration_seconds',
    help: 'HTTP request duration by route and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.02, 0.1, 0.5, 2, 10, 60],
    registers: [registry],
  });
  const toolCalls = new Histogram({
    name: 'connectormcp_tool_call_duration_seconds',
    help: 'Tool call duration by datasource, tool and status.',
    labelNames: ['datasource', 'tool', 'status'],
    buckets: [0.01, 0.05, 0.25, 1, 5, 30],
    registers: [registry],
  });
  const tokens = new Counter({
    name: 'connectormcp_tokens_total',
    help: 'Model tokens by kind.',
    labelNames: ['kind'],
    registers: [registry],
  });
  return {
    registry,
    middleware: ((request, response, next) => {
      const stop = requests.startTimer({ method: request.method });
      response.on('finish', () =>
        stop({
          route: request.route?.path ? `${request.baseUrl}${request.route.path as string}` : 'unmatched',
          status: String(response.statusCode),
        }),
      );
      next();
    }) as RequestHandler,
    observe(event: ChatEvent) {
      if (event.type === 'tool_call_finished')
        toolCalls.observe(
          { datasource: event.datasource, tool: event.tool, status: event.status },
          event.durationMs / 1000,
        );
      if (event.type === 'usage') {
        tokens.inc({ kind: 'input' }, event.inputTokens);
        tokens.inc({ kind: 'output' }, event.outputTokens);
        tokens.inc({ kind: 'cache_read' }, event.cacheReadTokens);
        tokens.inc({ kind: 'cache_write' }, event.cacheWriteTokens);
      }
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
