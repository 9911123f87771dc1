import { toModelToolName } from './model-tool-name.js';

describe('toModelToolName', () => {
  it("prefixes the datasource and keeps Claude's character set and length", () => {
    expect(toModelToolName({ datasourceId: 'mysql', toolName: 'execute_query' })).toBe('mysql__execute_query');
    expect(toModelToolName({ datasourceId: 'shop', toolName: 'get.order' })).toBe('shop__get_order');
    const long = toModelToolName({
      datasourceId: 'a-very-long-datasource-id-here',
      toolName: 'an_even_longer_tool_name_that_goes_on_and_on',
    });
    expect(long).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(long).not.toBe(
      toModelToolName({
        datasourceId: 'a-very-long-datasource-id-here',
        toolName: 'an_even_longer_tool_name_that_goes_on_and_off',
      }),
    );
  });
});
