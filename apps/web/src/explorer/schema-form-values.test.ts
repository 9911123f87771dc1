import {
  formFields,
  formValuesToArguments,
  FormValueError,
  initialFormValues,
  schemaWithArguments,
} from './schema-form-values.js';

const schema = {
  type: 'object',
  properties: {
    sql: { type: 'string', description: 'The statement' },
    max_rows: { type: 'integer', minimum: 1 },
    include_views: { type: 'boolean' },
    order: { type: 'string', enum: ['asc', 'desc'] },
    tables: { type: 'array', items: { type: 'string' } },
    params: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }] } },
    ids: { type: 'array', items: { type: 'integer' } },
    bucket: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    query: { type: 'string' },
    body: { type: 'string' },
    database: { type: 'string', title: 'Database (schema)', default: 'shop' },
  },
  required: ['sql', 'database'],
};

describe('schema form', () => {
  it('picks a label and a control per field; a default makes a required field optional', () => {
    expect(formFields({ schema }).map((field) => [field.name, field.label, field.kind, field.required])).toEqual([
      ['sql', 'SQL', 'code', true],
      ['max_rows', 'Max rows', 'integer', false],
      ['include_views', 'Include views', 'boolean', false],
      ['order', 'Order', 'enum', false],
      ['tables', 'Tables', 'list', false],
      ['params', 'Params', 'json', false],
      ['ids', 'IDs', 'list', false],
      ['bucket', 'Bucket', 'text', false],
      ['query', 'Query', 'search', false],
      ['body', 'Body', 'long-text', false],
      ['database', 'Database (schema)', 'text', false],
    ]);
    expect(formFields({ schema })[0]!.description).toBe('The statement');
  });

  it('turns typed values into arguments and names the field that is wrong by its label', () => {
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
      new FormValueError({ field: 'sql', message: 'SQL is required.' }),
    );
    expect(() => formValuesToArguments({ fields, values: { sql: 'x', max_rows: '2.5' } })).toThrow(
      'Max rows must be a whole number.',
    );
    expect(() => formValuesToArguments({ fields, values: { sql: 'x', params: '[1,' } })).toThrow(
      'Params must be valid JSON.',
    );
    expect(formValuesToArguments({ fields, values: { sql: 'x', ids: '3, 10' } })).toMatchObject({ ids: [3, 10] });
    expect(() => formValuesToArguments({ fields, values: { sql: 'x', ids: '3, x' } })).toThrow(
      'IDs must be whole numbers, separated by commas.',
    );
  });

  it('fills the form from a call’s arguments, else from the defaults, and reads it back unchanged', () => {
    const fields = formFields({ schema });
    expect(initialFormValues({ fields })).toEqual({ database: 'shop' });
    const toolArguments = {
      sql: 'SELECT *\n  FROM orders',
      max_rows: 10,
      include_views: false,
      tables: ['a', 'b'],
      params: [1, 'x', null],
      ids: [4, 5],
    };
    const values = initialFormValues({ fields, arguments: toolArguments });
    expect(values).toMatchObject({ sql: 'SELECT *\n  FROM orders', max_rows: '10', tables: 'a, b', database: 'shop' });
    expect(formValuesToArguments({ fields, values })).toEqual({ ...toolArguments, database: 'shop' });
  });

  it('keeps arguments the schema does not list, and works without a schema at all', () => {
    const widened = schemaWithArguments({
      schema: { type: 'object', properties: { jql: { type: 'string' } }, required: ['jql'] },
      arguments: { jql: 'project = SHOP', fields: ['summary'], extra: { deep: true }, limit: 5 },
    });
    const fields = formFields({ schema: widened });
    expect(fields.map((field) => [field.name, field.kind])).toEqual([
      ['jql', 'code'],
      ['fields', 'list'],
      ['extra', 'json'],
      ['limit', 'integer'],
    ]);
    const alone = formFields({ schema: schemaWithArguments({ schema: undefined, arguments: { text: 'mug' } }) });
    expect(alone).toEqual([{ name: 'text', label: 'Text', kind: 'search', required: false }]);
  });
});
