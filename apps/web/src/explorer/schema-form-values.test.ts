import { formFields, formValuesToArguments, FormValueError } from './schema-form-values.js';

const schema = {
  type: 'object',
  properties: {
    sql: { type: 'string', description: 'The statement' },
    max_rows: { type: 'integer', minimum: 1 },
    include_views: { type: 'boolean' },
    order: { type: 'string', enum: ['asc', 'desc'] },
    tables: { type: 'array', items: { type: 'string' } },
    params: { type: 'array', items: {} },
    bucket: { anyOf: [{ type: 'string' }, { type: 'null' }] },
  },
  required: ['sql'],
};

describe('schema form', () => {
  it('picks a control per field', () => {
    expect(formFields({ schema }).map((field) => [field.name, field.kind, field.required])).toEqual([
      ['sql', 'long-text', true],
      ['max_rows', 'integer', false],
      ['include_views', 'boolean', false],
      ['order', 'enum', false],
      ['tables', 'list', false],
      ['params', 'json', false],
      ['bucket', 'text', false],
    ]);
  });

  it('turns typed values into arguments and names the field that is wrong', () => {
    const fields = formFields({ schema });
    expect(
      formValuesToArguments({
        fields,
        values: {
          sql: 'SELECT 1',
          max_rows: '5',
          include_views: true,
          order: '',
          tables: 'a, b',
          params: '[1,"x"]',
          bucket: '',
        },
      }),
    ).toEqual({ sql: 'SELECT 1', max_rows: 5, include_views: true, tables: ['a', 'b'], params: [1, 'x'] });
    expect(() => formValuesToArguments({ fields, values: {} })).toThrow(
      new FormValueError({ field: 'sql', message: 'sql is required.' }),
    );
    expect(() => formValuesToArguments({ fields, values: { sql: 'x', max_rows: '2.5' } })).toThrow(
      'max_rows must be a whole number.',
    );
    expect(() => formValuesToArguments({ fields, values: { sql: 'x', params: '[1,' } })).toThrow(
      'params must be valid JSON.',
    );
  });
});
