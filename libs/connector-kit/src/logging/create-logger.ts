import { pino, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
export type Logger = PinoLogger;

/**
 * Structured JSON logs on stderr: stdout belongs to the MCP stdio transport. Every line passes through
 * `redact`, so a secret that slips into a message or an error never reaches the log.
 */
export function createLogger({
  name,
  level = 'info',
  redact = (text) => text,
  destination = 2,
}: {
  name: string;
  level?: LogLevel;
  redact?: (text: string) => string;
  /** A file descriptor or a stream; stderr by default. */
  destination?: number | NodeJS.WritableStream;
}): Logger {
  const stream = typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination;
  return pino(
    {
      name,
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: { streamWrite: (line) => redact(line) },
    },
    stream,
  );
}

/** A logger that drops everything, for library users who bring no logger. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
