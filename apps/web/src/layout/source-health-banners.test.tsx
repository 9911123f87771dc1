import { jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Datasource, DatasourceHealth } from '../api/api-types.js';
import { SourceHealthBanners } from './source-health-banners.js';

const datasource = (id: string, name: string, health: Partial<DatasourceHealth>): Datasource => ({
  id,
  name,
  kind: 'mysql',
  health: { status: 'connected', reason: null, checkedAt: null, latencyMs: null, ...health },
  writes: false,
  examples: [],
  tools: [],
});

const datasources = [
  datasource('shop', 'Shop database', {
    status: 'unreachable',
    reason: 'MariaDB refused the connection (127.0.0.1:3306)',
  }),
  datasource('files', 'Files', { status: 'degraded', reason: 'Calls fail: the bucket answers 503' }),
  datasource('jira', 'Jira', { status: 'unreachable', reason: 'Jira cannot be reached' }),
  datasource('store', 'Store', { status: 'connected' }),
];

describe('SourceHealthBanners', () => {
  it('names each selected source that is down or degraded, with the reason; unselected ones stay quiet', () => {
    render(
      <SourceHealthBanners datasources={datasources} selectedIds={['shop', 'files', 'store']} onDeselect={() => {}} />,
    );
    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toHaveTextContent('Shop database is unreachable');
    expect(alerts[0]).toHaveTextContent('MariaDB refused the connection (127.0.0.1:3306)');
    expect(alerts[1]).toHaveTextContent('Files is degraded');
    expect(screen.queryByText(/Jira/)).toBeNull();
  });

  it('offers to stop using a source that is down in this chat', async () => {
    const user = userEvent.setup();
    const onDeselect = jest.fn();
    render(<SourceHealthBanners datasources={datasources} selectedIds={['shop']} onDeselect={onDeselect} />);
    await user.click(screen.getByRole('button', { name: 'Stop using it in this chat' }));
    expect(onDeselect).toHaveBeenCalledWith('shop');
  });
});
