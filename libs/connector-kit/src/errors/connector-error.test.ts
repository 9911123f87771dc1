import { ConnectorError } from './connector-error.js';
import { toConnectorError } from './to-connector-error.js';
import { toToolErrorResult } from './to-tool-error-result.js';

describe('ConnectorError', () => {
  it('is recognised by brand, also when created by another copy of the kit', () => {
    const error = new ConnectorError({ code: 'NOT_FOUND', message: 'No table x.' });
    const foreign = Object.assign(new Error('No table x.'), { [Symbol.for('connectormcp.connector-error')]: true });
    expect(ConnectorError.isInstance(error)).toBe(true);
    expect(ConnectorError.isInstance(foreign)).toBe(true);
    expect(ConnectorError.isInstance(new Error('plain'))).toBe(false);
    expect(ConnectorError.isInstance(null)).toBe(false);
  });

  it('turns unknown errors into INTERNAL without their message, keeping the cause', () => {
    const cause = new Error('ECONNRESET at /home/app/secret.js');
    const error = toConnectorError({ error: cause });
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('secret.js');
    expect(error.cause).toBe(cause);
  });

  it('lets the connector map its own errors', () => {
    const error = toConnectorError({
      error: { code: 'ER_NO_SUCH_TABLE' },
      mapError: () => new ConnectorError({ code: 'NOT_FOUND', message: 'Table missing.' }),
    });
    expect(error.code).toBe('NOT_FOUND');
  });

  it('becomes an isError tool result with the code in text and _meta, redacted', () => {
    const result = toToolErrorResult({
      error: new ConnectorError({
        code: 'ACCESS_DENIED',
        message: 'Denied for hunter22',
        details: { user: 'hunter22' },
      }),
      redact: (text) => text.replaceAll('hunter22', '[redacted]'),
    });
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([{ type: 'text', text: 'ACCESS_DENIED: Denied for [redacted]' }]);
    expect(JSON.stringify(result)).not.toContain('hunter22');
    expect(result._meta).toEqual({
      'connectormcp/error': { code: 'ACCESS_DENIED', retryable: false, details: { user: '[redacted]' } },
    });
  });
});
