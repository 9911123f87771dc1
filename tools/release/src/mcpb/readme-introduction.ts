/**
 * The README's first paragraph (the prose under its title), joined into one line: what the connector does,
 * for the bundle's long description. Undefined when the README starts otherwise.
 */
export function readmeIntroduction({ readme }: { readme: string }): string | undefined {
  const blocks = readme.replace(/\r\n/g, '\n').split(/\n\s*\n/);
  const titleIndex = blocks.findIndex((block) => block.startsWith('# '));
  const paragraph = blocks[titleIndex + 1];
  if (titleIndex < 0 || !paragraph || /^(#|```|<|\||-|\*|>)/.test(paragraph.trim())) return undefined;
  return paragraph
    .split('\n')
    .map((line) => line.trim())
    .join(' ');
}
