/** A node of Atlassian Document Format (the JSON Jira Cloud stores rich text in). */
export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: AdfNode[];
  version?: number;
}

function inline(node: AdfNode): string {
  switch (node.type) {
    case 'text': {
      let text = node.text ?? '';
      for (const mark of node.marks ?? []) {
        if (mark.type === 'strong') text = `**${text}**`;
        else if (mark.type === 'em') text = `*${text}*`;
        else if (mark.type === 'code') text = `\`${text}\``;
        else if (mark.type === 'strike') text = `~~${text}~~`;
        else if (mark.type === 'link') text = `[${text}](${String(mark.attrs?.href ?? '')})`;
      }
      return text;
    }
    case 'hardBreak':
      return '  \n';
    case 'mention':
      return `@${String(node.attrs?.text ?? node.attrs?.id ?? '').replace(/^@/, '')}`;
    case 'emoji':
      return String(node.attrs?.text ?? node.attrs?.shortName ?? '');
    case 'inlineCard':
      return `<${String(node.attrs?.url ?? '')}>`;
    case 'status':
      return `[${String(node.attrs?.text ?? '')}]`;
    case 'date':
      return new Date(Number(node.attrs?.timestamp ?? 0)).toISOString().slice(0, 10);
    default:
      return (node.content ?? []).map(inline).join('');
  }
}

function block(node: AdfNode, indent: string): string {
  const children = (separator: string) => (node.content ?? []).map((child) => block(child, indent)).join(separator);
  switch (node.type) {
    case 'doc':
      return children('\n\n');
    case 'paragraph':
      return indent + (node.content ?? []).map(inline).join('');
    case 'heading':
      return `${indent}${'#'.repeat(Number(node.attrs?.level ?? 1))} ${(node.content ?? []).map(inline).join('')}`;
    case 'bulletList':
    case 'orderedList':
    case 'taskList': {
      const start = Number(node.attrs?.order ?? 1);
      return (node.content ?? [])
        .map((item, index) => {
          const marker =
            node.type === 'orderedList'
              ? `${start + index}.`
              : node.type === 'taskList'
                ? `- [${item.attrs?.state === 'DONE' ? 'x' : ' '}]`
                : '-';
          const [first, ...rest] = (item.content ?? []).map((child) =>
            child.type === 'paragraph' || child.type === 'text' ? inline(child) : block(child, `${indent}  `),
          );
          return [`${indent}${marker} ${first ?? ''}`, ...rest].join('\n');
        })
        .join('\n');
    }
    case 'codeBlock':
      return `${indent}\`\`\`${String(node.attrs?.language ?? '')}\n${(node.content ?? []).map((child) => child.text ?? '').join('')}\n${indent}\`\`\``;
    case 'blockquote':
      return children('\n\n')
        .split('\n')
        .map((line) => `${indent}> ${line}`)
        .join('\n');
    case 'panel':
      return `${indent}> **${String(node.attrs?.panelType ?? 'info')}:** ${(node.content ?? []).map((child) => block(child, '')).join(' ')}`;
    case 'rule':
      return `${indent}---`;
    case 'mediaSingle':
    case 'mediaGroup':
    case 'media':
      return `${indent}[attachment${node.attrs?.alt ? `: ${String(node.attrs.alt)}` : ''}]`;
    case 'table': {
      const rows = (node.content ?? []).map((row) =>
        (row.content ?? []).map((cell) =>
          (cell.content ?? [])
            .map((child) => block(child, ''))
            .join(' ')
            .replace(/\|/g, '\\|'),
        ),
      );
      if (rows.length === 0) return '';
      const width = Math.max(...rows.map((row) => row.length));
      const line = (cells: string[]) =>
        `| ${Array.from({ length: width }, (_, index) => cells[index] ?? '').join(' | ')} |`;
      return [line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
    }
    case 'blockCard':
    case 'embedCard':
      return `${indent}<${String(node.attrs?.url ?? '')}>`;
    default:
      return indent + inline(node);
  }
}

/** Atlassian Document Format to readable Markdown; unknown nodes keep their text. */
export function adfToMarkdown(document: unknown): string {
  if (document === null || document === undefined) return '';
  if (typeof document === 'string') return document;
  return block(document as AdfNode, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
