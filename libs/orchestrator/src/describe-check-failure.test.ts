import { describeCheckFailure } from './describe-check-failure.js';

describe('describeCheckFailure', () => {
  it("keeps the connector's message without its name and code", () => {
    expect(
      describeCheckFailure({
        output:
          'connectormcp-mysql: error: UPSTREAM_UNAVAILABLE: The MySQL server could not be reached (ECONNREFUSED); check the host and port.',
        environment: {},
      }),
    ).toBe('The MySQL server could not be reached (ECONNREFUSED); check the host and port.');
  });

  it('falls back to the last log message, then to a plain sentence', () => {
    expect(
      describeCheckFailure({
        output: '{"level":40,"msg":"first"}\n{"level":50,"msg":"pool closed"}\n',
        environment: {},
      }),
    ).toBe('pool closed');
    expect(describeCheckFailure({ output: '', environment: {} })).toBe('The check failed without saying why.');
  });

  it('says a crashed check crashed, with its error and without the stack', () => {
    const output = [
      'file:///app/node_modules/x/index.js:10',
      '    throw error;',
      '    ^',
      '',
      'Error: read ECONNRESET',
      '    at TCP.onStreamRead (node:internal/stream_base_commons:216:20)',
      '',
      'Node.js v24.21.0',
    ].join('\n');
    expect(describeCheckFailure({ output, environment: {} })).toBe(
      "The connector's check crashed: Error: read ECONNRESET",
    );
    expect(describeCheckFailure({ output: 'oops\n\nNode.js v24.21.0', environment: {} })).toBe(
      "The connector's check crashed.",
    );
  });

  it('never repeats a configured value or a password from a URL', () => {
    const reason = describeCheckFailure({
      output:
        'bin: error: INVALID_CONFIG: cannot use mysql://admin:s3cr3t-pw@db:3306/shop or s3cr3t-pw or tok_1234567890',
      environment: { MYSQL_URL: 'mysql://admin:s3cr3t-pw@db:3306/shop', TOKEN: 'tok_1234567890', REGION: 'eu' },
    });
    expect(reason).toBe('cannot use [redacted] or [redacted] or [redacted]');
  });
});
