import type { z } from 'zod';

export interface EnvironmentVariable<Schema extends z.ZodType = z.ZodType> {
  /** One line for `--help` and the README: what it does and what is expected. */
  description: string;
  /** Parses the raw string (or undefined when unset). */
  schema: Schema;
  /** Never printed, logged or echoed in errors. */
  secret?: boolean;
  /**
   * The connector cannot start without it. A variable with an alternative (MYSQL_USER or MYSQL_URL) is not
   * required; its description says what to set instead.
   */
  required?: boolean;
  /**
   * Asked for by the install links and example configs although it is not required: the usual setup sets it
   * (MYSQL_USER), while an alternative (MYSQL_URL) lets the connector start without it.
   */
  askAtInstall?: boolean;
  /** An example value for hosts and the registry to show (`db.example.com`); never a secret. */
  placeholder?: string;
}

export type EnvironmentSpec = Record<string, EnvironmentVariable>;

export type EnvironmentValues<Spec extends EnvironmentSpec> = {
  [Name in keyof Spec]: z.output<Spec[Name]['schema']>;
};

/** Declares a connector's environment variables; the spec drives parsing, `--help` and redaction. */
export function defineEnvironment<const Spec extends EnvironmentSpec>(spec: Spec): Spec {
  return spec;
}

export function secretVariableNames({ spec }: { spec: EnvironmentSpec }): string[] {
  return Object.entries(spec)
    .filter(([, variable]) => variable.secret)
    .map(([name]) => name);
}
