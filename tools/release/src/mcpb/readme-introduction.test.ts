import { readmeIntroduction } from './readme-introduction.ts';

describe('readmeIntroduction', () => {
  it('joins the paragraph under the title into one line', () => {
    expect(
      readmeIntroduction({ readme: '# @x/y\n\nAn MCP server for **X**:\nread-only.\n\n```sh\nnpx x\n```\n' }),
    ).toBe('An MCP server for **X**: read-only.');
  });

  it('is undefined when no prose follows the title', () => {
    expect(readmeIntroduction({ readme: '# @x/y\n\n```sh\nnpx x\n```\n' })).toBeUndefined();
    expect(readmeIntroduction({ readme: 'no title\n' })).toBeUndefined();
  });
});
