import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const binOf = (name: string) =>
  fileURLToPath(import.meta.resolve(`@connectormcp/${name}`).replace(/index\.js$/, 'bin.js'));

// What an app reads to build a datasource form: the built (bundled) bins, with no setting in their environment.
describe('--describe-config from the built connectors', () => {
  it.each([
    ['mysql', 'MySQL', 'MYSQL_URL'],
    ['s3', 'Amazon S3', 'AWS_SECRET_ACCESS_KEY'],
  ])('%s prints one JSON object describing its variables', async (name, title, secretVariable) => {
    const { stdout, stderr } = await run(process.execPath, [binOf(name), '--describe-config'], {
      env: { PATH: process.env.PATH },
      timeout: 20_000,
    });
    expect(stderr).toBe('');
    const description = JSON.parse(stdout) as {
      variables: Array<{ name: string; isSecret: boolean; description: string }>;
      commonVariables: Array<{ name: string }>;
    };
    expect(description).toMatchObject({ name, title, package: `@connectormcp/${name}`, version: expect.any(String) });
    expect(description.variables.find((variable) => variable.name === secretVariable)).toMatchObject({
      isSecret: true,
      description: expect.any(String),
    });
    expect(description.commonVariables.map((variable) => variable.name)).toContain('MCP_HTTP_TOKEN');
  });
});
