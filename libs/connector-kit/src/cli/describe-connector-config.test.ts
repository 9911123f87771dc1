import { environmentBoolean, environmentInteger, environmentString } from '../config/environment-schemas.js';
import { defineEnvironment } from '../config/environment-spec.js';
import { describeConnectorConfig } from './describe-connector-config.js';

const connector = {
  name: 'demo',
  packageName: '@connectormcp/demo',
  title: 'Demo',
  version: '1.2.3',
  environment: defineEnvironment({
    DEMO_URL: { description: 'Where the source is.', schema: environmentString(), required: true },
    DEMO_KEY: { description: 'Key.', schema: environmentString(), secret: true },
    DEMO_LIMIT: { description: 'Rows.', schema: environmentInteger({ min: 1, max: 500, default: 100 }) },
    DEMO_ALLOW_WRITES: { description: 'Writes.', schema: environmentBoolean() },
  }),
};

describe('describeConnectorConfig', () => {
  it('describes the connector and its variables, then the common ones, from the definition alone', () => {
    const description = describeConnectorConfig({ connector });
    expect(description).toMatchObject({ name: 'demo', title: 'Demo', package: '@connectormcp/demo', version: '1.2.3' });
    expect(description.variables).toEqual([
      { name: 'DEMO_URL', description: 'Where the source is.', format: 'string', isRequired: true, isSecret: false },
      { name: 'DEMO_KEY', description: 'Key.', format: 'string', isRequired: false, isSecret: true },
      {
        name: 'DEMO_LIMIT',
        description: 'Rows.',
        format: 'number',
        isRequired: false,
        isSecret: false,
        default: '100',
        min: 1,
        max: 500,
      },
      {
        name: 'DEMO_ALLOW_WRITES',
        description: 'Writes.',
        format: 'boolean',
        isRequired: false,
        isSecret: false,
        default: 'false',
      },
    ]);
    expect(description.commonVariables.map((variable) => variable.name)).toEqual([
      'LOG_LEVEL',
      'MCP_RESULT_MAX_CHARS',
      'MCP_STRUCTURED_MAX_CHARS',
      'MCP_HTTP_TOKEN',
      'MCP_HTTP_ALLOWED_HOSTS',
    ]);
    expect(description.commonVariables.find((variable) => variable.name === 'MCP_HTTP_TOKEN')?.isSecret).toBe(true);
    // Plain data: what is printed is what is returned.
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
  });
});
