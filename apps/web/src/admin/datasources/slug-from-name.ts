/** The API's datasource id: lowercase letters, digits, _ and -, starting with a letter or digit, ≤ 30. */
export const datasourceIdPattern = /^[a-z0-9][a-z0-9_-]{0,29}$/;

/** A datasource id suggested from its name: "Shop database (EU)" → "shop-database-eu". */
export function slugFromName({ name }: { name: string }): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 30)
    .replace(/-+$/, '');
}
