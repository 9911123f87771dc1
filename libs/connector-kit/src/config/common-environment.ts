import { defineEnvironment } from './environment-spec.js';
import { environmentEnum, environmentInteger, environmentList, environmentString } from './environment-schemas.js';

/** Variables every connector understands, on top of its own. */
export const commonEnvironment = defineEnvironment({
  LOG_LEVEL: {
    description: 'Log level for the JSON logs on stderr: trace, debug, info, warn, error or silent (default info).',
    schema: environmentEnum({
      values: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'],
      default: 'info',
    }),
  },
  MCP_RESULT_MAX_CHARS: {
    description:
      'Character budget of the text a tool returns to the model; longer output is cut with a marker (default 20000).',
    schema: environmentInteger({ min: 1000, max: 1_000_000, default: 20_000 }),
  },
  MCP_STRUCTURED_MAX_CHARS: {
    description:
      "Character budget of a tool's structuredContent as JSON, which hosts such as Claude Code give the model instead of the text; larger output is cut and marked truncated (default: MCP_RESULT_MAX_CHARS).",
    schema: environmentInteger({ min: 1000, max: 1_000_000 }),
  },
  MCP_HTTP_TOKEN: {
    description: 'With --http: the bearer token clients must send. Required when binding beyond loopback.',
    schema: environmentString(),
    secret: true,
  },
  MCP_HTTP_ALLOWED_HOSTS: {
    description:
      'With --http: host names accepted in Host and Origin headers besides loopback names, comma-separated; required with --host 0.0.0.0.',
    schema: environmentList(),
  },
});
