import { neutralizeSpreadsheetFormula } from './neutralize-spreadsheet-formula.js';

describe('neutralizeSpreadsheetFormula', () => {
  it('prefixes cells a spreadsheet would evaluate with an apostrophe', () => {
    for (const cell of ['=cmd()', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(neutralizeSpreadsheetFormula(cell)).toBe(`'${cell}`);
  });

  it('leaves every other cell alone', () => {
    for (const cell of ['', 'SELECT 1', '{"sql":"=cmd()"}', 'a=b', '2026-01-01T00:00:00.000Z'])
      expect(neutralizeSpreadsheetFormula(cell)).toBe(cell);
  });
});
