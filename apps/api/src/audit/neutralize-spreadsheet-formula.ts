/**
 * A CSV cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return) gets a
 * leading apostrophe, so an exported argument like `=cmd()` is shown as text instead (OWASP CSV injection).
 */
export function neutralizeSpreadsheetFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
