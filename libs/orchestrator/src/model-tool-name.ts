import { createHash } from 'node:crypto';

const allowed = /[^a-zA-Z0-9_-]/g;

/**
 * `datasource__tool`, within Claude's `^[a-zA-Z0-9_-]{1,64}$`. Over-long names keep a short hash so two
 * tools never collide.
 */
export function toModelToolName({ datasourceId, toolName }: { datasourceId: string; toolName: string }): string {
  const name = `${datasourceId}__${toolName}`.replace(allowed, '_');
  if (name.length <= 64) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, 55)}_${hash}`;
}
