import type { EnvironmentVariableFacts } from './admin-datasource-types.js';
import type { DatasourceFormState, DatasourceTarget, NamedValueRow } from './datasource-form-state.js';
import { lineList } from './group-list.js';
import { datasourceIdPattern } from './slug-from-name.js';

/** Problems by field: `id`, `name`, `url`, … or a connector variable's own name. */
export type DatasourceFormErrors = Record<string, string>;

// The API's limits (the orchestrator's datasource schema), checked here so the form says so before sending.
const maxNameLength = 80;
const maxInstructionsLength = 4_000;
const maxExamples = 5;
const maxExampleLength = 200;
const headerNamePattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const environmentNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A variable the connector cannot start without, and that has no default to fall back on (as the API checks). */
export function variableRequired({ variable }: { variable: EnvironmentVariableFacts }): boolean {
  return variable.isRequired && variable.default === undefined;
}

function rowProblem({ rows, pattern, what }: { rows: NamedValueRow[]; pattern: RegExp; what: string }) {
  const names = new Set<string>();
  for (const row of rows) {
    const name = row.name.trim();
    if (!name) {
      if (row.value !== '') return `Each ${what} needs a name.`;
      continue;
    }
    if (!pattern.test(name)) return `“${name}” is not a valid ${what} name.`;
    if (names.has(name.toLowerCase())) return `“${name}” appears twice.`;
    names.add(name.toLowerCase());
    if (!row.set && row.value === '') return `Give “${name}” a value, or remove it.`;
  }
  return undefined;
}

function connectorProblems({ state, target }: { state: DatasourceFormState; target: DatasourceTarget }) {
  const errors: DatasourceFormErrors = {};
  if (target.type !== 'connector') return errors;
  for (const variable of target.kind.variables) {
    if (variable.isSecret) {
      const secret = state.secrets[variable.name];
      const hasValue = secret !== undefined && ((secret.set && !secret.cleared) || secret.value !== '');
      if (variableRequired({ variable }) && !hasValue) errors[variable.name] = `${variable.name} is required.`;
      continue;
    }
    const value = state.settings[variable.name];
    if (typeof value !== 'string') continue;
    const text = value.trim();
    if (text === '') {
      if (variableRequired({ variable })) errors[variable.name] = `${variable.name} is required.`;
      continue;
    }
    if (variable.format === 'number') {
      const number = Number(text);
      if (!Number.isFinite(number)) errors[variable.name] = `${variable.name} must be a number.`;
      else if (variable.min !== undefined && number < variable.min)
        errors[variable.name] = `${variable.name} must be at least ${variable.min}.`;
      else if (variable.max !== undefined && number > variable.max)
        errors[variable.name] = `${variable.name} must be at most ${variable.max}.`;
    }
    if (variable.choices && !variable.choices.includes(text))
      errors[variable.name] = `${variable.name} must be one of ${variable.choices.join(', ')}.`;
  }
  return errors;
}

/** What the API would refuse, found before sending; an empty object when the form can be saved. */
export function validateDatasourceForm({
  state,
  target,
}: {
  state: DatasourceFormState;
  target: DatasourceTarget;
}): DatasourceFormErrors {
  const errors: DatasourceFormErrors = connectorProblems({ state, target });
  const name = state.name.trim();
  if (!name) errors.name = 'Give the datasource a name.';
  else if (name.length > maxNameLength) errors.name = `The name can have at most ${maxNameLength} characters.`;
  const id = state.id.trim();
  if (!id) errors.id = 'Give the datasource an id.';
  else if (!datasourceIdPattern.test(id))
    errors.id = 'Use lowercase letters, digits, _ and - (starting with a letter or digit), at most 30 characters.';
  if (target.type === 'remote') {
    const url = URL.canParse(state.url.trim()) ? new URL(state.url.trim()) : null;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
      errors.url = 'Enter the server’s address, starting with https:// or http://.';
    const headers = rowProblem({ rows: state.headers, pattern: headerNamePattern, what: 'header' });
    if (headers) errors.headers = headers;
  }
  if (target.type === 'command') {
    if (!state.command.trim()) errors.command = 'Enter the command that starts the MCP server.';
    const environment = rowProblem({ rows: state.environment, pattern: environmentNamePattern, what: 'variable' });
    if (environment) errors.environment = environment;
    const secrets = rowProblem({ rows: state.secretEnvironment, pattern: environmentNamePattern, what: 'variable' });
    if (secrets) errors.secretEnvironment = secrets;
  }
  if (state.systemPrompt.trim().length > maxInstructionsLength)
    errors.systemPrompt = `Instructions can have at most ${maxInstructionsLength} characters.`;
  const examples = lineList({ text: state.examples });
  if (examples.length > maxExamples) errors.examples = `At most ${maxExamples} example questions.`;
  else if (examples.some((example) => example.length > maxExampleLength))
    errors.examples = `Each example question can have at most ${maxExampleLength} characters.`;
  const seconds = Number(state.callTimeoutSeconds);
  if (state.callTimeoutSeconds.trim() === '' || !Number.isFinite(seconds) || seconds < 1 || seconds > 600)
    errors.callTimeoutSeconds = 'The call timeout must be between 1 and 600 seconds.';
  return errors;
}
