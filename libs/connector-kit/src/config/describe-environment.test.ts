import { commonEnvironment } from './common-environment.js';
import { describeEnvironment } from './describe-environment.js';
import {
  environmentBoolean,
  environmentEnum,
  environmentHost,
  environmentInteger,
  environmentList,
  environmentString,
  environmentUrl,
} from './environment-schemas.js';
import { defineEnvironment } from './environment-spec.js';
import { readEnvironment } from './read-environment.js';
import { z } from 'zod';

const spec = defineEnvironment({
  URL: {
    description: 'url',
    schema: environmentUrl({ protocols: ['mysql:'] }),
    secret: true,
    placeholder: 'mysql://db.example.com/shop',
  },
  HOST: { description: 'host', schema: environmentHost({ default: '127.0.0.1' }), placeholder: 'db.example.com' },
  NAME: { description: 'name', schema: environmentString(), required: true },
  VERSION: { description: 'version', schema: environmentString({ default: '2026-10' }) },
  ROWS: { description: 'rows', schema: environmentInteger({ min: 1, max: 10_000, default: 200 }) },
  PORT: { description: 'port', schema: environmentInteger({ min: 1, max: 65_535 }) },
  WRITES: { description: 'writes', schema: environmentBoolean() },
  VERIFY: { description: 'verify', schema: environmentBoolean({ default: true }) },
  NAMES: { description: 'names', schema: environmentList() },
  LEVEL: { description: 'level', schema: environmentEnum({ values: ['info', 'debug'], default: 'info' }) },
  CUSTOM: { description: 'custom', schema: z.string().optional() },
});

describe('describeEnvironment', () => {
  it('describes every variable in the spec order with format, default, choices, placeholder and flags', () => {
    expect(describeEnvironment({ spec })).toEqual([
      {
        name: 'URL',
        description: 'url',
        format: 'string',
        isRequired: false,
        isSecret: true,
        placeholder: 'mysql://db.example.com/shop',
      },
      {
        name: 'HOST',
        description: 'host',
        format: 'string',
        isRequired: false,
        isSecret: false,
        default: '127.0.0.1',
        placeholder: 'db.example.com',
      },
      { name: 'NAME', description: 'name', format: 'string', isRequired: true, isSecret: false },
      {
        name: 'VERSION',
        description: 'version',
        format: 'string',
        isRequired: false,
        isSecret: false,
        default: '2026-10',
      },
      {
        name: 'ROWS',
        description: 'rows',
        format: 'number',
        isRequired: false,
        isSecret: false,
        default: '200',
        min: 1,
        max: 10_000,
      },
      { name: 'PORT', description: 'port', format: 'number', isRequired: false, isSecret: false, min: 1, max: 65_535 },
      {
        name: 'WRITES',
        description: 'writes',
        format: 'boolean',
        isRequired: false,
        isSecret: false,
        default: 'false',
      },
      { name: 'VERIFY', description: 'verify', format: 'boolean', isRequired: false, isSecret: false, default: 'true' },
      { name: 'NAMES', description: 'names', format: 'string', isRequired: false, isSecret: false },
      {
        name: 'LEVEL',
        description: 'level',
        format: 'string',
        isRequired: false,
        isSecret: false,
        default: 'info',
        choices: ['info', 'debug'],
      },
      { name: 'CUSTOM', description: 'custom', format: 'string', isRequired: false, isSecret: false },
    ]);
  });

  it('states each default as the string that parses to the default the schema applies', () => {
    const unset = readEnvironment({ spec, environment: { NAME: 'x' } });
    for (const facts of describeEnvironment({ spec }).filter((variable) => variable.default !== undefined)) {
      const parsedDefault = readEnvironment({ spec, environment: { NAME: 'x', [facts.name]: facts.default } });
      expect(parsedDefault[facts.name as keyof typeof parsedDefault]).toEqual(unset[facts.name as keyof typeof unset]);
    }
  });

  it('reads facts recorded by another copy of the kit, as a bundled connector carries', () => {
    const schema = z.string().optional();
    Object.defineProperty(schema, Symbol.for('connectormcp.environmentFacts'), {
      value: { format: 'boolean', default: 'false' },
    });
    expect(describeEnvironment({ spec: { FLAG: { description: 'flag', schema } } })).toEqual([
      { name: 'FLAG', description: 'flag', format: 'boolean', isRequired: false, isSecret: false, default: 'false' },
    ]);
  });

  it('describes the common environment, every enum value a choice', () => {
    const level = describeEnvironment({ spec: commonEnvironment }).find((variable) => variable.name === 'LOG_LEVEL');
    expect(level).toMatchObject({ format: 'string', default: 'info' });
    expect(level?.choices).toContain('silent');
    const budget = describeEnvironment({ spec: commonEnvironment }).find(
      (variable) => variable.name === 'MCP_RESULT_MAX_CHARS',
    );
    expect(budget).toMatchObject({ format: 'number', default: '20000' });
  });
});
