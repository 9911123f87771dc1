import { parseConnectorArguments } from './parse-connector-arguments.js';

describe('parseConnectorArguments', () => {
  it('serves stdio by default', () => {
    expect(parseConnectorArguments({ argv: [] })).toEqual({ kind: 'serve', transport: 'stdio' });
  });

  it('serves HTTP on loopback port 3333 unless told otherwise', () => {
    expect(parseConnectorArguments({ argv: ['--http'] })).toEqual({
      kind: 'serve',
      transport: 'http',
      host: '127.0.0.1',
      port: 3333,
    });
    expect(parseConnectorArguments({ argv: ['--http', '--port', '0', '--host', '::1'] })).toEqual({
      kind: 'serve',
      transport: 'http',
      host: '::1',
      port: 0,
    });
  });

  it.each([
    [['--help'], 'help'],
    [['-h'], 'help'],
    [['--version'], 'version'],
    [['--check'], 'check'],
    [['--describe-config'], 'describe-config'],
  ])('%j is %s', (argv, kind) => {
    expect(parseConnectorArguments({ argv })).toEqual({ kind });
  });

  it.each([
    [['--password', 'x'], /Unknown option '--password'/],
    [['--http', '--port', 'abc'], /--port expects a number from 0 to 65535, got "abc"/],
    [['--port', '80'], /only apply with --http/],
    [['serve'], /Unexpected argument 'serve'/],
  ])('rejects %j clearly', (argv, message) => {
    expect(() => parseConnectorArguments({ argv })).toThrow(message);
  });
});
