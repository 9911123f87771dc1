import { userConfigOption } from './user-config-option.ts';

describe('userConfigOption', () => {
  it('gives an optional variable without a default the default "", as a string, so the host fills it in', () => {
    expect(
      userConfigOption({
        facts: {
          name: 'MYSQL_PORT',
          description: 'Server port.',
          format: 'number',
          isRequired: false,
          isSecret: false,
        },
      }),
    ).toEqual({ type: 'string', title: 'MYSQL_PORT', description: 'Server port.', required: false, default: '' });
  });

  it('keeps a number with a default a number, with its range', () => {
    expect(
      userConfigOption({
        facts: {
          name: 'MYSQL_MAX_ROWS',
          description: 'Rows.',
          format: 'number',
          isRequired: false,
          isSecret: false,
          default: '200',
          min: 1,
          max: 10_000,
        },
      }),
    ).toEqual({
      type: 'number',
      title: 'MYSQL_MAX_ROWS',
      description: 'Rows.',
      required: false,
      default: 200,
      min: 1,
      max: 10_000,
    });
  });

  it('turns a boolean default into a boolean', () => {
    expect(
      userConfigOption({
        facts: {
          name: 'S',
          description: 'On.',
          format: 'boolean',
          isRequired: false,
          isSecret: false,
          default: 'true',
        },
      }),
    ).toMatchObject({ type: 'boolean', default: true });
  });

  it('marks a secret sensitive and leaves a required value without a default', () => {
    expect(
      userConfigOption({
        facts: { name: 'TOKEN', description: 'Token.', format: 'string', isRequired: true, isSecret: true },
      }),
    ).toEqual({ type: 'string', title: 'TOKEN', description: 'Token.', required: true, sensitive: true });
  });

  it('offers a file picker for a required path', () => {
    expect(
      userConfigOption({
        facts: { name: 'CA_FILE', description: 'CA.', format: 'filepath', isRequired: true, isSecret: false },
      }),
    ).toMatchObject({ type: 'file', required: true });
  });

  it('names the choices and an example the description does not already show', () => {
    expect(
      userConfigOption({
        facts: {
          name: 'LEVEL',
          description: 'Log level.',
          format: 'string',
          isRequired: false,
          isSecret: false,
          default: 'info',
          choices: ['debug', 'info'],
          placeholder: 'debug',
        },
      }).description,
    ).toBe('Log level. One of: debug, info. Example: debug');
    expect(
      userConfigOption({
        facts: {
          name: 'URL',
          description: 'Site, e.g. https://x.example.',
          format: 'string',
          isRequired: true,
          isSecret: false,
          placeholder: 'https://x.example',
        },
      }).description,
    ).toBe('Site, e.g. https://x.example.');
  });
});
