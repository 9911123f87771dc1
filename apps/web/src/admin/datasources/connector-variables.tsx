import { useId, useState } from 'react';
import type { ConnectorKind, EnvironmentVariableFacts } from './admin-datasource-types.js';
import { smallButtonClass } from './button-styles.js';
import { booleanDefault, type DatasourceFormState, type SecretValue } from './datasource-form-state.js';
import { VariableField } from './variable-field.js';

/**
 * The kit's variables that every connector has (logging, result budgets, the --http server's), which the
 * API lists after the connector's own: rarely changed here, so folded away.
 */
const commonVariablePattern = /^(LOG_LEVEL|MCP_[A-Z0-9_]+)$/;

function hasValue({ variable, state }: { variable: EnvironmentVariableFacts; state: DatasourceFormState }) {
  const value = state.settings[variable.name];
  if (typeof value === 'boolean') return value !== booleanDefault({ value: variable.default });
  if (typeof value === 'string' && value !== '') return true;
  const secret = state.secrets[variable.name];
  return secret !== undefined && (secret.set || secret.value !== '');
}

/** A connector kind's variables, each as a control that suits it; the ones every connector has folded. */
export function ConnectorVariables({
  kind,
  state,
  errors,
  disabled,
  onSettingChange,
  onSecretChange,
}: {
  kind: ConnectorKind;
  state: DatasourceFormState;
  errors: Record<string, string>;
  disabled: boolean;
  onSettingChange: (name: string, value: string | boolean) => void;
  onSecretChange: (name: string, secret: SecretValue) => void;
}) {
  const id = useId();
  const own = kind.variables.filter((variable) => !commonVariablePattern.test(variable.name));
  const common = kind.variables.filter((variable) => commonVariablePattern.test(variable.name));
  // Read-only (a file datasource) shows everything: the toggle would sit in the disabled fieldset.
  const [expanded, setExpanded] = useState(() => disabled || common.some((variable) => hasValue({ variable, state })));
  const showCommon = expanded || common.some((variable) => errors[variable.name]);
  const field = (variable: EnvironmentVariableFacts) => (
    <VariableField
      key={variable.name}
      variable={variable}
      value={state.settings[variable.name]}
      secret={state.secrets[variable.name]}
      error={errors[variable.name]}
      disabled={disabled}
      onValueChange={(value) => onSettingChange(variable.name, value)}
      onSecretChange={(secret) => onSecretChange(variable.name, secret)}
    />
  );
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2">{own.map(field)}</div>
      {common.length > 0 ? (
        <div className="space-y-3">
          <button
            type="button"
            aria-expanded={showCommon}
            aria-controls={`${id}-common`}
            onClick={() => setExpanded(!showCommon)}
            className={smallButtonClass}
          >
            {showCommon ? 'Hide' : 'Show'} the settings every connector has ({common.length})
          </button>
          <div id={`${id}-common`} hidden={!showCommon} className="grid gap-4 md:grid-cols-2">
            {common.map(field)}
          </div>
        </div>
      ) : null}
    </>
  );
}
