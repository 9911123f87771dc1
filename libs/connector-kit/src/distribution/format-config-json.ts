// Prettier's layout for a config, so a README that embeds it stays unchanged by `prettier --write`:
// objects one key per line, arrays of plain values on one line when they fit.
const lineWidth = 120;

function formatValue({ value, indent }: { value: unknown; indent: string }): string {
  if (Array.isArray(value)) {
    const inline = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    const plain = value.every((item) => item === null || typeof item !== 'object');
    if (plain && indent.length + inline.length <= lineWidth) return inline;
    const inner = `${indent}  `;
    return `[\n${value.map((item) => `${inner}${formatValue({ value: item, indent: inner })}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const lines = entries.map(
      ([key, item]) => `${inner}${JSON.stringify(key)}: ${formatValue({ value: item, indent: inner })}`,
    );
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export function formatConfigJson({ value }: { value: unknown }): string {
  return formatValue({ value, indent: '' });
}
