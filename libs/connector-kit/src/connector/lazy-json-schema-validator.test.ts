import { createLazyJsonSchemaValidator } from './lazy-json-schema-validator.js';

describe('createLazyJsonSchemaValidator', () => {
  it('checks values against a JSON Schema as the SDK validator does', () => {
    const validate = createLazyJsonSchemaValidator().getValidator<{ name: string }>({
      type: 'object',
      properties: { name: { type: 'string', minLength: 2 } },
      required: ['name'],
    });
    expect(validate({ name: 'orders' })).toEqual({ valid: true, data: { name: 'orders' }, errorMessage: undefined });
    const rejected = validate({ name: 1 });
    expect(rejected.valid).toBe(false);
    expect(rejected.errorMessage).toMatch(/name/);
  });

  it('knows the formats an elicitation schema may use', () => {
    const validate = createLazyJsonSchemaValidator().getValidator({ type: 'string', format: 'email' });
    expect(validate('someone@example.com').valid).toBe(true);
    expect(validate('not an address').valid).toBe(false);
  });
});
