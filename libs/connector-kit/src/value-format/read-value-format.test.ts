import { isValueFormat, readValueFormat, valueFormatAnnotation, valueFormatKeyword } from './read-value-format.js';

describe('readValueFormat', () => {
  it('reads the standard formats from `format`', () => {
    expect(readValueFormat({ schema: { type: 'string', format: 'date-time' } })).toBe('date-time');
    expect(readValueFormat({ schema: { type: 'string', format: 'date' } })).toBe('date');
  });

  it('reads the extended formats from the x- keyword', () => {
    for (const format of ['decimal', 'money', 'bytes', 'milliseconds', 'identifier'] as const) {
      expect(readValueFormat({ schema: { [valueFormatKeyword]: format } })).toBe(format);
    }
  });

  it('ignores formats outside the vocabulary', () => {
    expect(readValueFormat({ schema: { type: 'string', format: 'email' } })).toBeUndefined();
    expect(readValueFormat({ schema: { [valueFormatKeyword]: 'percent' } })).toBeUndefined();
    expect(readValueFormat({ schema: { type: 'string' } })).toBeUndefined();
    expect(readValueFormat({ schema: null })).toBeUndefined();
    expect(readValueFormat({ schema: true })).toBeUndefined();
  });

  it('sees through nullable wrappers and a single allOf', () => {
    const nullable = { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }], description: 'When.' };
    expect(readValueFormat({ schema: nullable })).toBe('date-time');
    expect(readValueFormat({ schema: { oneOf: [{ type: 'null' }, { [valueFormatKeyword]: 'bytes' }] } })).toBe('bytes');
    expect(readValueFormat({ schema: { allOf: [{ [valueFormatKeyword]: 'money' }] } })).toBe('money');
  });

  it('does not pick one branch of a real union', () => {
    const union = {
      anyOf: [
        { type: 'string', format: 'date' },
        { type: 'number', [valueFormatKeyword]: 'bytes' },
      ],
    };
    expect(readValueFormat({ schema: union })).toBeUndefined();
  });

  it('prefers the x- keyword over a standard format on the same schema', () => {
    expect(readValueFormat({ schema: { format: 'date', [valueFormatKeyword]: 'identifier' } })).toBe('identifier');
  });
});

describe('valueFormatAnnotation', () => {
  it('spells each format with the keyword that validates silently', () => {
    expect(valueFormatAnnotation({ format: 'date-time' })).toEqual({ format: 'date-time' });
    expect(valueFormatAnnotation({ format: 'decimal' })).toEqual({ [valueFormatKeyword]: 'decimal' });
    for (const format of ['date', 'money', 'milliseconds'] as const) {
      expect(readValueFormat({ schema: valueFormatAnnotation({ format }) })).toBe(format);
    }
  });

  it('isValueFormat accepts only the vocabulary', () => {
    expect(isValueFormat('bytes')).toBe(true);
    expect(isValueFormat('uuid')).toBe(false);
    expect(isValueFormat(3)).toBe(false);
  });
});
