import type { AdfNode, FakeIssue, FakeJiraData, FakeUser } from '../fake-jira-data.js';
import { JqlError, type JqlNode, type JqlQuery, type JqlValue } from './jql-parser.js';

const textFields = new Set(['summary', 'description', 'text', 'comment']);
const dateFields = new Set(['created', 'createddate', 'updated', 'updateddate']);
const listFields = new Set([
  'project',
  'key',
  'issuekey',
  'status',
  'statuscategory',
  'type',
  'issuetype',
  'priority',
  'assignee',
  'reporter',
  'labels',
  'resolution',
  'component',
  'parent',
]);

export function plainText(node: AdfNode | null | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(plainText).join(node.type === 'doc' ? '\n' : ' ');
}

function startOf({ unit, date }: { unit: 'day' | 'week' | 'month'; date: Date }): Date {
  const result = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), unit === 'month' ? 1 : date.getUTCDate()),
  );
  // Jira weeks start on Sunday by default.
  if (unit === 'week') result.setUTCDate(result.getUTCDate() - result.getUTCDay());
  return result;
}

function offset({ date, amount }: { date: Date; amount: string | undefined }): Date {
  if (!amount) return date;
  const match = /^([+-]?\d+)([mhdwMy])$/.exec(amount.trim());
  if (!match) throw new JqlError(`Date value '${amount}' is invalid.`);
  const value = Number(match[1]);
  const result = new Date(date);
  const unit = match[2]!;
  if (unit === 'm') result.setUTCMinutes(result.getUTCMinutes() + value);
  if (unit === 'h') result.setUTCHours(result.getUTCHours() + value);
  if (unit === 'd') result.setUTCDate(result.getUTCDate() + value);
  if (unit === 'w') result.setUTCDate(result.getUTCDate() + value * 7);
  if (unit === 'M') result.setUTCMonth(result.getUTCMonth() + value);
  if (unit === 'y') result.setUTCFullYear(result.getUTCFullYear() + value);
  return result;
}

export interface EvaluationContext {
  data: FakeJiraData;
  currentUser: FakeUser;
  now: Date;
}

function dateValue({ value, context, field }: { value: JqlValue; context: EvaluationContext; field: string }): Date {
  if (value.kind === 'function') {
    const name = value.name.toLowerCase();
    const base =
      name === 'now'
        ? context.now
        : name === 'startofday'
          ? startOf({ unit: 'day', date: context.now })
          : name === 'startofweek'
            ? startOf({ unit: 'week', date: context.now })
            : name === 'startofmonth'
              ? startOf({ unit: 'month', date: context.now })
              : name === 'endofday'
                ? offset({ date: startOf({ unit: 'day', date: context.now }), amount: '1d' })
                : name === 'endofweek'
                  ? offset({ date: startOf({ unit: 'week', date: context.now }), amount: '1w' })
                  : undefined;
    if (!base) throw new JqlError(`Unable to find JQL function '${value.name}(${value.args.join(', ')})'.`);
    return offset({ date: base, amount: value.args[0] });
  }
  const text = value.value;
  if (/^[+-]?\d+[mhdwMy]$/.test(text)) return offset({ date: context.now, amount: text });
  const absolute = /^(\d{4})[-/](\d{2})[-/](\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (!absolute) {
    throw new JqlError(
      `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
    );
  }
  const [, year, month, dayOfMonth, hours = '0', minutes = '0'] = absolute;
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(dayOfMonth), Number(hours), Number(minutes)));
}

function fieldValues({
  issue,
  field,
  context,
}: {
  issue: FakeIssue;
  field: string;
  context: EvaluationContext;
}): string[] {
  const user = (accountId: string | null) => {
    const found = context.data.users.find((candidate) => candidate.accountId === accountId);
    return found ? [found.accountId, found.displayName, found.emailAddress] : [];
  };
  const project = context.data.projects.find((candidate) => candidate.key === issue.projectKey)!;
  switch (field) {
    case 'project':
      return [project.key, project.name, project.id];
    case 'key':
    case 'issuekey':
      return [issue.key, issue.id];
    case 'status':
      return [issue.status];
    case 'statuscategory':
      return [issue.status === 'Done' ? 'Done' : issue.status === 'To Do' ? 'To Do' : 'In Progress'];
    case 'type':
    case 'issuetype':
      return [issue.type];
    case 'priority':
      return [issue.priority];
    case 'assignee':
      return user(issue.assignee);
    case 'reporter':
      return user(issue.reporter);
    case 'labels':
      return issue.labels;
    case 'resolution':
      return issue.resolution ? [issue.resolution] : [];
    case 'component':
      return issue.components;
    case 'parent':
      return issue.parent ? [issue.parent] : [];
    default:
      return [];
  }
}

function literal({ value, context }: { value: JqlValue; context: EvaluationContext }): string[] {
  if (value.kind === 'literal') return [value.value];
  const name = value.name.toLowerCase();
  if (name === 'currentuser') return [context.currentUser.accountId];
  if (name === 'membersof') return context.data.users.map((user) => user.accountId);
  throw new JqlError(`Unable to find JQL function '${value.name}(${value.args.join(', ')})'.`);
}

function matchesText({ issue, field, value }: { issue: FakeIssue; field: string; value: string }): boolean {
  const haystack = (
    field === 'summary'
      ? issue.summary
      : field === 'description'
        ? plainText(issue.description)
        : field === 'comment'
          ? issue.comments.map((comment) => plainText(comment.body)).join(' ')
          : [
              issue.summary,
              plainText(issue.description),
              ...issue.comments.map((comment) => plainText(comment.body)),
            ].join(' ')
  ).toLowerCase();
  const terms = value.toLowerCase().replace(/[*?]/g, '').split(/\s+/).filter(Boolean);
  return terms.every((term) => haystack.includes(term));
}

function matches({ node, issue, context }: { node: JqlNode; issue: FakeIssue; context: EvaluationContext }): boolean {
  switch (node.kind) {
    case 'and':
      return matches({ node: node.left, issue, context }) && matches({ node: node.right, issue, context });
    case 'or':
      return matches({ node: node.left, issue, context }) || matches({ node: node.right, issue, context });
    case 'not':
      return !matches({ node: node.operand, issue, context });
    case 'empty': {
      const empty = dateFields.has(node.field)
        ? false
        : textFields.has(node.field)
          ? !plainText(issue.description)
          : fieldValues({ issue, field: node.field, context }).length === 0;
      return node.negated ? !empty : empty;
    }
    case 'in': {
      const actual = fieldValues({ issue, field: node.field, context }).map((value) => value.toLowerCase());
      const wanted = node.values.flatMap((value) => literal({ value, context })).map((value) => value.toLowerCase());
      const found = actual.some((value) => wanted.includes(value));
      return node.negated ? !found : found;
    }
    case 'compare': {
      if (textFields.has(node.field)) {
        const found = matchesText({ issue, field: node.field, value: literal({ value: node.value, context })[0]! });
        return node.operator === '!~' ? !found : found;
      }
      if (dateFields.has(node.field)) {
        const actual = (node.field.startsWith('created') ? issue.created : issue.updated).getTime();
        const wanted = dateValue({ value: node.value, context, field: node.field }).getTime();
        return (
          {
            '=': actual === wanted,
            '!=': actual !== wanted,
            '>': actual > wanted,
            '>=': actual >= wanted,
            '<': actual < wanted,
            '<=': actual <= wanted,
          }[node.operator as '='] ?? false
        );
      }
      const actual = fieldValues({ issue, field: node.field, context }).map((value) => value.toLowerCase());
      const wanted = literal({ value: node.value, context }).map((value) => value.toLowerCase());
      const equal = actual.some((value) => wanted.includes(value));
      return node.operator === '!=' ? !equal : equal;
    }
  }
}

function validate({ node }: { node: JqlNode | undefined }): void {
  if (!node) return;
  if ('left' in node) {
    validate({ node: node.left });
    validate({ node: node.right });
    return;
  }
  if ('operand' in node) {
    validate({ node: node.operand });
    return;
  }
  const { field } = node;
  if (!textFields.has(field) && !dateFields.has(field) && !listFields.has(field)) {
    throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
  }
  if (node.kind === 'compare') {
    if (textFields.has(field) && node.operator !== '~' && node.operator !== '!~') {
      throw new JqlError(`The operator '${node.operator}' is not supported by the '${field}' field.`);
    }
    if (!textFields.has(field) && (node.operator === '~' || node.operator === '!~')) {
      throw new JqlError(`The operator '${node.operator}' is not supported by the '${field}' field.`);
    }
    if (listFields.has(field) && ['>', '>=', '<', '<='].includes(node.operator) && field !== 'priority') {
      throw new JqlError(`The operator '${node.operator}' is not supported by the '${field}' field.`);
    }
  }
}

const priorityRank: Record<string, number> = { Highest: 1, High: 2, Medium: 3, Low: 4, Lowest: 5 };

/** Filters and orders issues as Jira would for the supported subset; throws JqlError with Jira's messages. */
export function evaluateJql({
  query,
  issues,
  context,
}: {
  query: JqlQuery;
  issues: FakeIssue[];
  context: EvaluationContext;
}): FakeIssue[] {
  validate({ node: query.where });
  const found = query.where ? issues.filter((issue) => matches({ node: query.where!, issue, context })) : [...issues];
  const orderBy = query.orderBy.length > 0 ? query.orderBy : [{ field: 'created', direction: 'DESC' as const }];
  const keyOf = (issue: FakeIssue, field: string): string | number => {
    if (field === 'created' || field === 'updated') return issue[field].getTime();
    if (field === 'priority') return priorityRank[issue.priority] ?? 9;
    if (field === 'key' || field === 'issuekey') return Number(issue.id);
    if (field === 'summary' || field === 'status') return issue[field];
    throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
  };
  return found.sort((left, right) => {
    for (const { field, direction } of orderBy) {
      const a = keyOf(left, field);
      const b = keyOf(right, field);
      if (a !== b) return (a < b ? -1 : 1) * (direction === 'DESC' ? -1 : 1);
    }
    return 0;
  });
}
