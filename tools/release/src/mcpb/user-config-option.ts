import type { EnvironmentFacts } from './bundle-environment.ts';

/** One entry of a manifest's `user_config` (MCPB manifest 0.3). */
export interface UserConfigOption {
  type: 'string' | 'number' | 'boolean' | 'file';
  title: string;
  description: string;
  required: boolean;
  sensitive?: boolean;
  default?: string | number | boolean;
  min?: number;
  max?: number;
}

function describeFully({ facts }: { facts: EnvironmentFacts }): string {
  const parts = [facts.description];
  if (facts.choices && facts.choices.length > 0) parts.push(`One of: ${facts.choices.join(', ')}.`);
  if (facts.placeholder && !facts.description.includes(facts.placeholder)) parts.push(`Example: ${facts.placeholder}`);
  return parts.join(' ');
}

/**
 * The `user_config` entry of one environment variable. The host substitutes `${user_config.NAME}` only when
 * the option has a value, its own or a default; an optional option left blank reaches the server as the
 * literal text `${user_config.NAME}` (mcpb's getMcpConfigForManifest, modelcontextprotocol/mcpb#250). So
 * every optional variable without a default of its own is a string with the default "", which the kit
 * reads as unset. That is also why such a number is offered as a string: an empty default is only certain
 * to stay empty in a text field.
 */
export function userConfigOption({ facts }: { facts: EnvironmentFacts }): UserConfigOption {
  const base = {
    title: facts.name,
    description: describeFully({ facts }),
    required: facts.isRequired,
    ...(facts.isSecret ? { sensitive: true } : {}),
  };
  const hasDefault = facts.default !== undefined && facts.default !== '';
  if (!hasDefault && !facts.isRequired) return { type: 'string', ...base, default: '' };
  if (facts.format === 'boolean') {
    return { type: 'boolean', ...base, ...(hasDefault ? { default: facts.default === 'true' } : {}) };
  }
  if (facts.format === 'number') {
    return {
      type: 'number',
      ...base,
      ...(hasDefault ? { default: Number(facts.default) } : {}),
      ...(facts.min !== undefined ? { min: facts.min } : {}),
      ...(facts.max !== undefined ? { max: facts.max } : {}),
    };
  }
  // A file picker only where the value cannot be blank (see above).
  const type = facts.format === 'filepath' && !hasDefault ? 'file' : 'string';
  return { type, ...base, ...(hasDefault ? { default: facts.default } : {}) };
}
