import { jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  apiError,
  fakeSavedRoutes,
  installFakeApi,
  renderWithQueryClient,
  type FakeRoutes,
} from '../../test/fake-api.js';
import { SaveActions } from './save-actions.js';
import type { Schedule, SaveTarget } from './saved-types.js';

const toolCall: SaveTarget = {
  kind: 'tool_call',
  datasource: 'shop',
  tool: 'execute_query',
  arguments: { sql: 'SELECT title FROM products WHERE stock < 10' },
};

function scheduleOf(body: { saved_id: string; cron: string; timezone: string }): Schedule {
  return {
    id: 'sc_1',
    saved_id: body.saved_id,
    name: 'Low stock',
    kind: 'tool_call',
    cron: body.cron,
    timezone: body.timezone,
    paused: false,
    next_run_at: '2026-11-30T09:00:00.000Z',
    running_since: null,
    last_run: null,
    alerts: 0,
    last_firing: null,
    created_at: '2026-11-29T08:00:00.000Z',
    updated_at: '2026-11-29T08:00:00.000Z',
  };
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function setup({
  target = toolCall,
  extraRoutes = {},
  onOpenSchedules,
}: { target?: SaveTarget; extraRoutes?: FakeRoutes; onOpenSchedules?: (scheduleId: string) => void } = {}) {
  const fake = fakeSavedRoutes();
  const api = installFakeApi({ ...fake.routes, ...extraRoutes });
  restore = api.restore;
  const user = userEvent.setup();
  renderWithQueryClient(
    <SaveActions target={target} datasourceName="Shop database" {...(onOpenSchedules ? { onOpenSchedules } : {})} />,
  );
  return { api, user, fake };
}

describe('SaveActions', () => {
  it('saves a tool call under a name, then schedules it every Monday and leads to the Schedules view', async () => {
    const onOpenSchedules = jest.fn<(scheduleId: string) => void>();
    const { api, user, fake } = setup({ onOpenSchedules });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save tool call' });
    const name = within(dialog).getByRole('textbox', { name: /Name/ });
    expect(name).toHaveValue('execute_query on Shop database');
    expect(name).toHaveFocus();
    expect(dialog).toHaveTextContent('SELECT title FROM products WHERE stock < 10');
    await user.clear(name);
    await user.type(name, 'Low stock{Enter}');
    expect(await within(dialog).findByText(/Saved as “Low stock”/)).toBeInTheDocument();
    expect(api.requests.find((request) => request.path === '/api/saved')?.body).toEqual({
      name: 'Low stock',
      datasource: 'shop',
      tool: 'execute_query',
      arguments: { sql: 'SELECT title FROM products WHERE stock < 10' },
    });
    expect(within(dialog).getByRole('button', { name: 'Schedule it' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Schedule it' }));

    expect(await screen.findByRole('dialog', { name: 'Schedule “Low stock”' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Every morning at 8:00' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Every morning at 8:00' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /When \(cron\)/ })).toHaveValue('0 8 * * *');
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(screen.getByRole('combobox', { name: /Time zone/ })).toHaveValue(zone);
    await user.click(screen.getByRole('radio', { name: 'Every Monday at 9:00' }));
    expect(screen.getByRole('textbox', { name: /When \(cron\)/ })).toHaveValue('0 9 * * 1');
    await user.click(screen.getByRole('button', { name: 'Create schedule' }));

    const done = await screen.findByRole('dialog', { name: 'Scheduled' });
    expect(done).toHaveTextContent(`“Low stock” runs at 09:00, only on Monday (${zone}). Next run:`);
    expect(api.requests.find((request) => request.path === '/api/schedules')?.body).toEqual({
      saved_id: 'sv_fake_1',
      cron: '0 9 * * 1',
      timezone: zone,
    });
    await user.click(within(done).getByRole('button', { name: 'Open in Schedules' }));
    expect(onOpenSchedules).toHaveBeenCalledWith('sc_fake_1');
    expect(fake.saved()).toMatchObject([{ name: 'Low stock', kind: 'tool_call', schedules: 1 }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Saved once: Schedule now goes straight to the when.
    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByRole('dialog', { name: 'Schedule “Low stock”' })).toBeInTheDocument();
    expect(api.requests.filter((request) => request.path === '/api/saved')).toHaveLength(1);
  });

  it('schedules a question in one go with a custom cron, and shows a refused cron next to its field', async () => {
    let attempts = 0;
    const { api, user } = setup({
      target: { kind: 'question', question: 'Which products are below 10 in stock?', datasources: ['shop', 'crm'] },
      extraRoutes: {
        'POST /api/schedules': (request) =>
          ++attempts === 1
            ? apiError({ status: 400, code: 'invalid_cron', message: 'Bad minute: 61 is beyond 59.' })
            : { status: 201, body: scheduleOf(request.body as never) },
      },
    });
    await user.click(screen.getByRole('button', { name: 'Schedule' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save question' });
    expect(within(dialog).getByRole('textbox', { name: /Name/ })).toHaveValue('Which products are below 10 in stock?');
    expect(dialog).toHaveTextContent('Asked again on shop, crm');
    await user.click(within(dialog).getByRole('button', { name: 'Save and choose when' }));
    await screen.findByRole('dialog', { name: /^Schedule “/ });
    expect(api.requests.find((request) => request.path === '/api/saved')?.body).toEqual({
      name: 'Which products are below 10 in stock?',
      question: 'Which products are below 10 in stock?',
      datasources: ['shop', 'crm'],
    });
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    const cron = screen.getByRole('textbox', { name: /When \(cron\)/ });
    await user.clear(cron);
    await user.type(cron, '61 7 * * 1-5');
    await user.click(screen.getByRole('button', { name: 'Create schedule' }));
    await waitFor(() => expect(cron).toHaveAccessibleDescription(/Bad minute: 61 is beyond 59\./));
    expect(cron).toHaveFocus();
    await user.clear(cron);
    await user.type(cron, '30 7 * * 1-5');
    expect(screen.getByRole('radio', { name: 'Custom' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Create schedule' }));
    expect(await screen.findByRole('dialog', { name: 'Scheduled' })).toHaveTextContent(
      'Find it in the Schedules view.',
    );
  });

  it('says why a tool call cannot be saved, and Escape gives the focus back to the button', async () => {
    const { user } = setup({
      extraRoutes: {
        'POST /api/saved': apiError({
          status: 400,
          code: 'not_read_only',
          message: 'Only read-only tools can be saved.',
        }),
      },
    });
    const save = screen.getByRole('button', { name: 'Save' });
    await user.click(save);
    const dialog = await screen.findByRole('dialog', { name: 'Save tool call' });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Only read-only tools can be saved.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(save).toHaveFocus();
  });

  it('keeps Tab inside the dialog', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save tool call' });
    const name = within(dialog).getByRole('textbox', { name: /Name/ });
    expect(name).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveFocus();
    await user.tab();
    expect(name).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveFocus();
  });
});
