import { datasourceIdPattern, slugFromName } from './slug-from-name.js';

describe('slugFromName', () => {
  it('suggests an id the API accepts from any name', () => {
    expect(slugFromName({ name: 'Shop database (EU)' })).toBe('shop-database-eu');
    expect(slugFromName({ name: '  Ventes — Été 2026!' })).toBe('ventes-ete-2026');
    const long = slugFromName({ name: 'A very long datasource name that goes on and on' });
    expect(long.length).toBeLessThanOrEqual(30);
    expect(long).toMatch(datasourceIdPattern);
    expect(slugFromName({ name: '!!!' })).toBe('');
  });
});
