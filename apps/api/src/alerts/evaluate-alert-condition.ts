import type { AlertCondition } from '../contracts/index.js';
import type { ScheduleRunRow } from '../schedules/schedule-rows.js';

type Operator = '>' | '>=' | '<' | '<=' | '==' | '!=';

/** Whether the condition holds for a run, and if so what made it hold (for the fingerprint and the message). */
export type ConditionResult = { fired: false } | { fired: true; values: unknown; message: string };

const notFired: ConditionResult = { fired: false };

const matchedValuesKept = 20;

/** A number, or a string that is one (`"12"`, `" 3.5 "`); else undefined. */
function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

const compareNumbers = (left: number, operator: Operator, right: number) => {
  switch (operator) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '==':
      return left === right;
    case '!=':
      return left !== right;
  }
};

/**
 * Numbers (and numeric strings) compare numerically; anything else only by equality or inequality of its
 * text, so `status == "failed"` works and `name > "m"` never holds. A missing value (null) never holds.
 */
export function compareValue({
  value,
  operator,
  expected,
}: {
  value: unknown;
  operator: Operator;
  expected: number | string;
}) {
  if (value === null || value === undefined) return false;
  const left = numeric(value);
  const right = numeric(expected);
  if (left !== undefined && right !== undefined) return compareNumbers(left, operator, right);
  if (operator !== '==' && operator !== '!=') return false;
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean);
  return operator === '==' ? text === String(expected) : text !== String(expected);
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Checks an alert's condition on a finished run. `failed` is the only condition an error run can meet;
 * `changed` needs a previous run; `row_count` and `column` need a table.
 */
export function evaluateAlertCondition({
  condition,
  run,
  previous,
}: {
  condition: AlertCondition;
  run: Pick<ScheduleRunRow, 'status' | 'result' | 'diff' | 'error'>;
  previous: Pick<ScheduleRunRow, 'result'> | null;
}): ConditionResult {
  if (condition.type === 'failed') {
    if (run.status !== 'error') return notFired;
    const error = run.error ?? { code: 'unknown', message: 'The run failed.' };
    return {
      fired: true,
      values: { code: error.code, message: error.message },
      message: `The run failed: ${error.message}`,
    };
  }
  if (run.status !== 'ok') return notFired;
  const result = run.result;
  if (condition.type === 'row_count') {
    const count = result?.row_count ?? result?.rows?.length;
    if (count === undefined || count === null) return notFired;
    if (!compareNumbers(count, condition.operator, condition.value)) return notFired;
    return {
      fired: true,
      values: { row_count: count },
      message: `${plural(count, 'row')} (alert when the row count ${condition.operator} ${condition.value}).`,
    };
  }
  if (condition.type === 'column') {
    const index = result?.columns?.indexOf(condition.column) ?? -1;
    const rows = result?.rows ?? [];
    if (index < 0 || rows.length === 0) return notFired;
    const matches = rows.filter((row) =>
      compareValue({ value: row[index], operator: condition.operator, expected: condition.value }),
    );
    const holds = condition.match === 'all' ? matches.length === rows.length : matches.length > 0;
    if (!holds) return notFired;
    const matched = matches.map((row) => row[index]);
    const shown = matched
      .slice(0, 5)
      .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
      .join(', ');
    const expected = typeof condition.value === 'string' ? `"${condition.value}"` : String(condition.value);
    return {
      fired: true,
      // The matching values (in row order, bounded) tell one firing from another.
      values: { column: condition.column, matched: matched.slice(0, matchedValuesKept), count: matched.length },
      message: `${plural(matched.length, 'row')} where ${condition.column} ${condition.operator} ${expected}${
        condition.match === 'all' ? ' (all rows)' : ''
      }: ${shown}${matched.length > 5 ? ', …' : ''}.`,
    };
  }
  // changed
  if (!previous) return notFired;
  const diff = run.diff;
  if (diff) {
    if (diff.added + diff.removed + diff.changed === 0) return notFired;
    return {
      fired: true,
      values: {
        added: diff.added,
        removed: diff.removed,
        changed: diff.changed,
        rows: [diff.added_rows, diff.removed_rows, diff.changed_rows],
      },
      message: `Changed since the previous run: ${diff.added} added, ${diff.removed} removed, ${diff.changed} changed.`,
    };
  }
  const before = previous.result?.text ?? null;
  const after = result?.text ?? null;
  if (before === null || after === null || before === after) return notFired;
  return { fired: true, values: { text: after }, message: 'The answer changed since the previous run.' };
}
