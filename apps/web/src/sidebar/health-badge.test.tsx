import { render, screen } from '@testing-library/react';
import { HealthBadge } from './health-badge.js';

describe('HealthBadge', () => {
  it.each([
    ['connected', 'Connected'],
    ['degraded', 'Degraded'],
    ['unreachable', 'Unreachable'],
    ['checking', 'Checking…'],
  ] as const)('says %s in words, not by colour alone', (status, label) => {
    render(<HealthBadge health={{ status, reason: null, checkedAt: null, latencyMs: null }} />);
    expect(screen.getByTestId('health-badge')).toHaveTextContent(label);
  });

  it('gives the reason when the source is not simply connected, and when it was checked', () => {
    render(
      <HealthBadge
        health={{
          status: 'unreachable',
          reason: 'The S3 endpoint refused the connection',
          checkedAt: '2026-11-29T05:00:00.000Z',
          latencyMs: 12.4,
        }}
      />,
    );
    expect(screen.getByTestId('health-badge')).toHaveTextContent('The S3 endpoint refused the connection');
    expect(screen.getByText('Unreachable').getAttribute('title')).toMatch(/^Checked at .+ · 12 ms$/);
  });
});
