import { datasourceConfigSchema, maxExamples } from './datasource-config.js';
import { datasourceExamples, defaultExamples } from './default-examples.js';

const base = { id: 'shop', name: 'Shop', command: 'node' };

describe('example questions', () => {
  it('offers a few short questions for each known kind, and none for others', () => {
    for (const kind of ['mysql', 's3', 'jira', 'shopify']) {
      const examples = defaultExamples({ kind });
      expect(examples.length).toBeGreaterThan(0);
      expect(examples.length).toBeLessThanOrEqual(maxExamples);
      for (const example of examples) expect(example.length).toBeLessThanOrEqual(200);
    }
    expect(defaultExamples({ kind: 'postgres' })).toEqual([]);
    expect(defaultExamples({ kind: undefined })).toEqual([]);
  });

  it("prefers the configuration's own examples, even an empty list", () => {
    const own = datasourceConfigSchema.parse({ ...base, kind: 'mysql', examples: ['  Who bought most?  '] });
    expect(datasourceExamples({ datasource: own })).toEqual(['Who bought most?']);
    const none = datasourceConfigSchema.parse({ ...base, kind: 'mysql', examples: [] });
    expect(datasourceExamples({ datasource: none })).toEqual([]);
    const unset = datasourceConfigSchema.parse({ ...base, kind: 'mysql' });
    expect(datasourceExamples({ datasource: unset })).toEqual(defaultExamples({ kind: 'mysql' }));
  });

  it('refuses too many or too long examples', () => {
    expect(datasourceConfigSchema.safeParse({ ...base, examples: ['x'.repeat(201)] }).success).toBe(false);
    expect(datasourceConfigSchema.safeParse({ ...base, examples: Array(maxExamples + 1).fill('Why?') }).success).toBe(
      false,
    );
  });
});
