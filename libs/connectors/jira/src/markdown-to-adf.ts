import { Lexer, type Token, type Tokens } from 'marked';
import type { AdfNode } from './adf-to-markdown.js';

type Mark = NonNullable<AdfNode['marks']>[number];

function inlineNodes(tokens: Token[] | undefined, marks: Mark[] = []): AdfNode[] {
  const nodes: AdfNode[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        nodes.push(...inlineNodes((token as Tokens.Strong).tokens, [...marks, { type: 'strong' }]));
        break;
      case 'em':
        nodes.push(...inlineNodes((token as Tokens.Em).tokens, [...marks, { type: 'em' }]));
        break;
      case 'del':
        nodes.push(...inlineNodes((token as Tokens.Del).tokens, [...marks, { type: 'strike' }]));
        break;
      case 'codespan':
        nodes.push({ type: 'text', text: (token as Tokens.Codespan).text, marks: [...marks, { type: 'code' }] });
        break;
      case 'link':
        nodes.push(
          ...inlineNodes((token as Tokens.Link).tokens, [
            ...marks,
            { type: 'link', attrs: { href: (token as Tokens.Link).href } },
          ]),
        );
        break;
      case 'br':
        nodes.push({ type: 'hardBreak' });
        break;
      case 'text': {
        const text = token as Tokens.Text;
        if (text.tokens && text.tokens.length > 0) nodes.push(...inlineNodes(text.tokens, marks));
        else if (text.text) nodes.push({ type: 'text', text: text.text, ...(marks.length > 0 ? { marks } : {}) });
        break;
      }
      case 'escape':
        nodes.push({ type: 'text', text: (token as Tokens.Escape).text, ...(marks.length > 0 ? { marks } : {}) });
        break;
      default:
        if ('text' in token && typeof token.text === 'string' && token.text)
          nodes.push({ type: 'text', text: token.text, ...(marks.length > 0 ? { marks } : {}) });
    }
  }
  return nodes;
}

function blockNodes(tokens: Token[]): AdfNode[] {
  const nodes: AdfNode[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'paragraph':
        nodes.push({ type: 'paragraph', content: inlineNodes((token as Tokens.Paragraph).tokens) });
        break;
      case 'text':
        nodes.push({ type: 'paragraph', content: inlineNodes([token]) });
        break;
      case 'heading':
        nodes.push({
          type: 'heading',
          attrs: { level: Math.min(6, (token as Tokens.Heading).depth) },
          content: inlineNodes((token as Tokens.Heading).tokens),
        });
        break;
      case 'list': {
        const list = token as Tokens.List;
        nodes.push({
          type: list.ordered ? 'orderedList' : 'bulletList',
          ...(list.ordered && typeof list.start === 'number' && list.start !== 1
            ? { attrs: { order: list.start } }
            : {}),
          content: list.items.map((item) => ({ type: 'listItem', content: blockNodes(item.tokens) })),
        });
        break;
      }
      case 'code':
        nodes.push({
          type: 'codeBlock',
          ...((token as Tokens.Code).lang ? { attrs: { language: (token as Tokens.Code).lang } } : {}),
          content: [{ type: 'text', text: (token as Tokens.Code).text }],
        });
        break;
      case 'blockquote':
        nodes.push({ type: 'blockquote', content: blockNodes((token as Tokens.Blockquote).tokens) });
        break;
      case 'hr':
        nodes.push({ type: 'rule' });
        break;
      case 'space':
        break;
      default:
        if ('text' in token && typeof token.text === 'string' && token.text.trim())
          nodes.push({ type: 'paragraph', content: [{ type: 'text', text: token.text }] });
    }
  }
  // ADF rejects empty paragraphs' empty text nodes.
  return nodes.map((node) =>
    node.type === 'paragraph' && node.content?.length === 0 ? { type: 'paragraph', content: [] } : node,
  );
}

/** Markdown (what the model writes) to Atlassian Document Format, through marked's lexer. */
export function markdownToAdf(markdown: string): AdfNode {
  return { type: 'doc', version: 1, content: blockNodes(new Lexer().lex(markdown)) };
}
