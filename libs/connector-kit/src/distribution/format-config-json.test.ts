import { formatConfigJson } from './format-config-json.js';

describe('formatConfigJson', () => {
  it('lays a config out as prettier does: objects expanded, short arrays of plain values inline', () => {
    const value = {
      mcpServers: { demo: { command: 'npx', args: ['-y', '@connectormcp/demo'], env: {}, list: [{ a: 1 }] } },
    };
    expect(formatConfigJson({ value })).toBe(
      [
        '{',
        '  "mcpServers": {',
        '    "demo": {',
        '      "command": "npx",',
        '      "args": ["-y", "@connectormcp/demo"],',
        '      "env": {},',
        '      "list": [',
        '        {',
        '          "a": 1',
        '        }',
        '      ]',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(JSON.parse(formatConfigJson({ value }))).toEqual(value);
  });

  it('breaks an array that would pass 120 characters', () => {
    const value = { args: Array.from({ length: 12 }, (_, index) => `argument-${index}`) };
    expect(formatConfigJson({ value }).split('\n')).toHaveLength(value.args.length + 4);
  });
});
