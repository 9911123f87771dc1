import { adfToMarkdown } from './adf-to-markdown.js';
import { markdownToAdf } from './markdown-to-adf.js';

describe('Atlassian Document Format and Markdown', () => {
  it('renders ADF as Markdown', () => {
    const adf = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Steps' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Open ' },
            { type: 'text', text: 'checkout', marks: [{ type: 'strong' }] },
            { type: 'text', text: ' and see ' },
            { type: 'text', text: 'docs', marks: [{ type: 'link', attrs: { href: 'https://example.com' } }] },
          ],
        },
        {
          type: 'orderedList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }] },
          ],
        },
        { type: 'codeBlock', attrs: { language: 'sql' }, content: [{ type: 'text', text: 'SELECT 1' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'mention', attrs: { id: 'x', text: '@Ada Lovelace' } },
            { type: 'text', text: ' please look' },
          ],
        },
      ],
    };
    expect(adfToMarkdown(adf)).toBe(
      '## Steps\n\nOpen **checkout** and see [docs](https://example.com)\n\n1. one\n2. two\n\n```sql\nSELECT 1\n```\n\n@Ada Lovelace please look',
    );
  });

  it('turns Markdown into valid ADF and back without loss for common formatting', () => {
    const markdown =
      '# Title\n\nSome **bold**, *italic* and `code` with a [link](https://example.com).\n\n- first\n- second\n\n```js\nconst x = 1;\n```\n\n> quoted';
    const adf = markdownToAdf(markdown);
    expect(adf).toMatchObject({ type: 'doc', version: 1 });
    expect(adf.content![0]).toEqual({
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: 'Title' }],
    });
    expect(adfToMarkdown(adf)).toBe(markdown);
  });

  it('passes Data Center text through', () => {
    expect(adfToMarkdown('plain *wiki* text')).toBe('plain *wiki* text');
    expect(adfToMarkdown(null)).toBe('');
  });
});
