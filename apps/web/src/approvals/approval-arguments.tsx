/**
 * What a write will run, as the chat's approval prompt shows it: the SQL statement itself when there is
 * one (with any other arguments beneath), else the arguments as JSON.
 */
export function ApprovalArguments({ value }: { value: unknown }) {
  const statement = (value as { sql?: unknown } | null | undefined)?.sql;
  const preClass =
    'max-h-60 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-100 p-2 font-mono text-xs text-slate-900 dark:bg-slate-950 dark:text-slate-100';
  if (typeof statement !== 'string') return <pre className={preClass}>{JSON.stringify(value, null, 2)}</pre>;
  const { sql: _sql, ...rest } = value as Record<string, unknown>;
  return (
    <>
      <pre className={preClass}>{statement}</pre>
      {Object.keys(rest).length > 0 ? <pre className={`${preClass} mt-1`}>{JSON.stringify(rest, null, 2)}</pre> : null}
    </>
  );
}
