/** Stable error codes shared by every connector; clients may branch on them. */
export const errorCodes = [
  'INVALID_INPUT',
  'INVALID_CONFIG',
  'NOT_FOUND',
  'ACCESS_DENIED',
  'READ_ONLY',
  'RATE_LIMITED',
  'TIMEOUT',
  'CANCELLED',
  'UPSTREAM_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

// A registry-wide symbol, so that errors thrown by one copy of the kit are recognised by another
// (two connector versions in one process each bundle their own kit).
const brand = Symbol.for('connectormcp.connector-error');

export interface ConnectorErrorOptions {
  code: ErrorCode;
  message: string;
  /** Safe, user-facing extra facts (never secrets). */
  details?: Record<string, unknown>;
  /** Whether trying again later may succeed. */
  retryable?: boolean;
  cause?: unknown;
}

/**
 * The one error type connectors throw on purpose. Its message is shown to the model and the user, so it
 * must say what went wrong and what to do, and never carry credentials or connection strings.
 */
export class ConnectorError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly retryable: boolean;

  constructor({ code, message, details, retryable = false, cause }: ConnectorErrorOptions) {
    super(message, { cause });
    this.name = 'ConnectorError';
    this.code = code;
    this.details = details;
    this.retryable = retryable;
    // Defined rather than declared as a field, so the brand stays out of the type and two copies of the
    // kit's types stay compatible.
    Object.defineProperty(this, brand, { value: true });
  }

  static isInstance(error: unknown): error is ConnectorError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
  }
}
