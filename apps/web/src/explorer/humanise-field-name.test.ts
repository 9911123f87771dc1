import { humaniseFieldName } from './humanise-field-name.js';

describe('humaniseFieldName', () => {
  it.each([
    ['max_rows', 'Max rows'],
    ['nameLike', 'Name like'],
    ['sql', 'SQL'],
    ['jql', 'JQL'],
    ['include_create_statement', 'Include create statement'],
    ['product_id', 'Product ID'],
    ['next-page-token', 'Next page token'],
    ['', ''],
  ])('%s → %s', (name, label) => {
    expect(humaniseFieldName({ name })).toBe(label);
  });
});
