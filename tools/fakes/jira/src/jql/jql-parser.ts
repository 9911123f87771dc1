/** Jira's own wording for query errors; the fake answers them in the 400 `errorMessages` shape. */
export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

export type JqlValue = { kind: 'literal'; value: string } | { kind: 'function'; name: string; args: string[] };

export type JqlNode =
  | { kind: 'and' | 'or'; left: JqlNode; right: JqlNode }
  | { kind: 'not'; operand: JqlNode }
  | { kind: 'compare'; field: string; operator: '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~'; value: JqlValue }
  | { kind: 'in'; field: string; negated: boolean; values: JqlValue[] }
  | { kind: 'empty'; field: string; negated: boolean };

export interface JqlQuery {
  where?: JqlNode;
  orderBy: Array<{ field: string; direction: 'ASC' | 'DESC' }>;
}

interface Token {
  type: 'word' | 'string' | 'operator' | 'punctuation' | 'end';
  text: string;
  position: number;
}

const operators = ['!=', '>=', '<=', '!~', '=', '>', '<', '~'];
const validOperators =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < jql.length) {
    const character = jql[index]!;
    if (/\s/.test(character)) {
      index += 1;
      continue;
    }
    if (character === '"' || character === "'") {
      let end = index + 1;
      let text = '';
      while (end < jql.length && jql[end] !== character) {
        if (jql[end] === '\\' && end + 1 < jql.length) end += 1;
        text += jql[end];
        end += 1;
      }
      if (end >= jql.length)
        throw new JqlError(
          `Error in the JQL Query: The quoted string '${text}' has not been completed. (line 1, character ${index + 1})`,
        );
      tokens.push({ type: 'string', text, position: index + 1 });
      index = end + 1;
      continue;
    }
    const operator = operators.find((candidate) => jql.startsWith(candidate, index));
    if (operator) {
      tokens.push({ type: 'operator', text: operator, position: index + 1 });
      index += operator.length;
      continue;
    }
    if ('(),'.includes(character)) {
      tokens.push({ type: 'punctuation', text: character, position: index + 1 });
      index += 1;
      continue;
    }
    const word = /^[^\s"'(),=!<>~]+/.exec(jql.slice(index));
    if (!word)
      throw new JqlError(
        `Error in the JQL Query: The character '${character}' is a reserved JQL character. (line 1, character ${index + 1})`,
      );
    tokens.push({ type: 'word', text: word[0], position: index + 1 });
    index += word[0].length;
  }
  tokens.push({ type: 'end', text: '', position: jql.length + 1 });
  return tokens;
}

/** A recursive-descent parser for the JQL subset the fake supports: fields, operators, IN, IS EMPTY, AND/OR/NOT, parentheses, functions, ORDER BY. */
export function parseJql(jql: string): JqlQuery {
  const tokens = tokenize(jql);
  let position = 0;
  const peek = () => tokens[position]!;
  const next = () => tokens[position++]!;
  const isKeyword = (token: Token, keyword: string) => token.type === 'word' && token.text.toUpperCase() === keyword;
  const unexpected = (expected: string) => {
    const token = peek();
    const got = token.type === 'end' ? 'end of query' : `'${token.text}'`;
    throw new JqlError(
      `Error in the JQL Query: Expecting ${expected} but got ${got}. (line 1, character ${token.position})`,
    );
  };

  const value = (): JqlValue => {
    const token = peek();
    if (token.type === 'string') return (next(), { kind: 'literal', value: token.text });
    if (token.type !== 'word' || ['AND', 'OR', 'ORDER'].includes(token.text.toUpperCase()))
      unexpected('either a value, list or function');
    next();
    if (peek().text === '(' && peek().type === 'punctuation') {
      next();
      const args: string[] = [];
      while (peek().text !== ')') {
        const argument = next();
        if (argument.type !== 'word' && argument.type !== 'string') unexpected("')'");
        args.push(argument.text);
        if (peek().text === ',') next();
      }
      next();
      return { kind: 'function', name: token.text, args };
    }
    return { kind: 'literal', value: token.text };
  };

  const clause = (): JqlNode => {
    const fieldToken = peek();
    if (fieldToken.type !== 'word' && fieldToken.type !== 'string') unexpected('a field name');
    next();
    const field = fieldToken.text.toLowerCase();
    const token = peek();
    if (token.type === 'operator') {
      next();
      return {
        kind: 'compare',
        field,
        operator: token.text as Extract<JqlNode, { kind: 'compare' }>['operator'],
        value: value(),
      };
    }
    if (isKeyword(token, 'IS')) {
      next();
      const negated = isKeyword(peek(), 'NOT') ? (next(), true) : false;
      if (!isKeyword(peek(), 'EMPTY') && !isKeyword(peek(), 'NULL')) unexpected("'EMPTY' or 'NULL'");
      next();
      return { kind: 'empty', field, negated };
    }
    const negated = isKeyword(token, 'NOT');
    if (negated) next();
    if (isKeyword(peek(), 'IN')) {
      next();
      if (peek().text !== '(') unexpected("'('");
      next();
      const values: JqlValue[] = [value()];
      while (peek().text === ',') {
        next();
        values.push(value());
      }
      if (peek().text !== ')') unexpected("')'");
      next();
      return { kind: 'in', field, negated, values };
    }
    throw new JqlError(
      `Error in the JQL Query: Expecting operator but got '${token.text || 'end of query'}'. ${validOperators} (line 1, character ${token.position})`,
    );
  };

  const unary = (): JqlNode => {
    if (isKeyword(peek(), 'NOT')) {
      next();
      return { kind: 'not', operand: unary() };
    }
    if (peek().text === '(' && peek().type === 'punctuation') {
      next();
      const inner = or();
      if (peek().text !== ')') unexpected("')'");
      next();
      return inner;
    }
    return clause();
  };
  const and = (): JqlNode => {
    let left = unary();
    while (isKeyword(peek(), 'AND')) {
      next();
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const or = (): JqlNode => {
    let left = and();
    while (isKeyword(peek(), 'OR')) {
      next();
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };

  const query: JqlQuery = { orderBy: [] };
  if (peek().type !== 'end' && !isKeyword(peek(), 'ORDER')) query.where = or();
  if (isKeyword(peek(), 'ORDER')) {
    next();
    if (!isKeyword(peek(), 'BY')) unexpected("'by'");
    next();
    do {
      if (peek().text === ',') next();
      const field = next();
      if (field.type !== 'word' && field.type !== 'string') unexpected('a field name');
      const direction =
        isKeyword(peek(), 'ASC') || isKeyword(peek(), 'DESC') ? (next().text.toUpperCase() as 'ASC' | 'DESC') : 'ASC';
      query.orderBy.push({ field: field.text.toLowerCase(), direction });
    } while (peek().text === ',');
  }
  if (peek().type !== 'end') unexpected("either 'AND', 'OR' or 'ORDER BY'");
  return query;
}
