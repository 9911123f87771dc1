import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, installFakeApi, renderWithQueryClient, type FakeRoutes } from '../../test/fake-api.js';
import { runDetail, runSummary, savedQuestion, savedToolCall, schedule, scheduleRoutes } from './schedule-test-data.js';
import { SchedulesPage } from './schedules-page.js';
import type { Schedule } from './schedule-types.js';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function setup(routes: FakeRoutes) {
  const api = installFakeApi(routes);
  restore = api.restore;
  const user = userEvent.setup();
  renderWithQueryClient(<SchedulesPage />);
  return { api, user };
}

const scheduleRow = async (name: string) =>
  within(await screen.findByRole('table', { name: 'Your schedules' }))
    .getByRole('rowheader', { name: new RegExp(`^${name}`) })
    .closest('tr')!;

describe('SchedulesPage', () => {
  it('lists each schedule: kind, cron in words, zone, next run, last run, alerts and the last firing', async () => {
    setup(scheduleRoutes({ schedules: [schedule()], saved: [savedToolCall, savedQuestion] }));
    const row = await scheduleRow('Low stock');
    expect(row).toHaveTextContent('Tool call');
    expect(row).toHaveTextContent('0 7 * * 1-5');
    expect(row).toHaveTextContent('At 07:00, Monday through Friday');
    expect(row).toHaveTextContent('Europe/Paris');
    expect(within(row).getByText('OK')).toBeInTheDocument();
    expect(row).toHaveTextContent('2 alerts');
    expect(row).toHaveTextContent('(Below ten, sent)');
    const saved = screen.getByRole('table', { name: 'Saved tool calls and questions' });
    expect(within(saved).getAllByRole('row')).toHaveLength(3);
    expect(saved).toHaveTextContent('“How many orders failed yesterday?” on shop');
  });

  it('shows a failed last run with its reason, and a paused schedule without a next run', async () => {
    const failed = runSummary({
      status: 'error',
      summary: 'The shop connector is unreachable.',
      error: { code: 'datasource_unavailable', message: 'The shop connector is unreachable.' },
    });
    setup(
      scheduleRoutes({
        schedules: [schedule({ paused: true, next_run_at: null, last_run: failed, alerts: 0, last_firing: null })],
        saved: [savedToolCall],
      }),
    );
    const row = await scheduleRow('Low stock');
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(row).toHaveTextContent('The shop connector is unreachable.');
    expect(row).toHaveTextContent('Paused');
    expect(row).toHaveTextContent('None');
    expect(within(row).getByRole('button', { name: 'Resume Low stock' })).toBeInTheDocument();
  });

  it('says what to do when nothing is saved or scheduled', async () => {
    setup(scheduleRoutes({ schedules: [], saved: [] }));
    expect(
      await screen.findByText('Nothing is scheduled yet. Save a tool call from a chat’s tool card, then schedule it.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New schedule' })).toBeNull();
  });

  it('runs a schedule now and keeps its spinner until the asked run has finished', async () => {
    const dueAt = '2026-11-29T10:00:00.000Z';
    let asked = false;
    let listCalls = 0;
    const { api, user } = setup({
      ...scheduleRoutes({ schedules: [schedule()], saved: [savedToolCall] }),
      'POST /api/schedules/sch_stock/run': () => {
        asked = true;
        return { status: 202, body: { due_at: dueAt } };
      },
      'GET /api/schedules': () => {
        if (!asked) return { body: { schedules: [schedule()] } };
        listCalls += 1;
        // First still queued (no run row yet), then running, then finished.
        if (listCalls <= 1) return { body: { schedules: [schedule()] } };
        if (listCalls === 2) return { body: { schedules: [schedule({ running_since: dueAt })] } };
        const finished = runSummary({ id: 'run_3', trigger: 'manual', due_at: dueAt, started_at: dueAt });
        return { body: { schedules: [schedule({ last_run: finished })] } };
      },
    });
    await scheduleRow('Low stock');
    await user.click(screen.getByRole('button', { name: 'Run now Low stock' }));
    const busy = await screen.findByRole('button', { name: /Running… Low stock/ });
    expect(busy).toBeDisabled();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Run now Low stock' })).toBeEnabled(), {
      timeout: 8_000,
    });
    expect(listCalls).toBeGreaterThanOrEqual(3);
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  }, 15_000);

  it('pauses and resumes a schedule', async () => {
    let current: Schedule = schedule();
    const { api, user } = setup({
      ...scheduleRoutes({ schedules: [current], saved: [savedToolCall] }),
      'GET /api/schedules': () => ({ body: { schedules: [current] } }),
      'PATCH /api/schedules/sch_stock': (request) => {
        const paused = (request.body as { paused: boolean }).paused;
        current = schedule({ paused, next_run_at: paused ? null : current.next_run_at });
        return { body: current };
      },
    });
    await user.click(within(await scheduleRow('Low stock')).getByRole('button', { name: 'Pause Low stock' }));
    expect(await screen.findByText('Low stock is paused.')).toBeInTheDocument();
    const row = await scheduleRow('Low stock');
    expect(row).toHaveTextContent('Paused');
    await user.click(within(row).getByRole('button', { name: 'Resume Low stock' }));
    expect(await screen.findByText('Low stock is running on its schedule again.')).toBeInTheDocument();
    expect(api.requests.filter((request) => request.method === 'PATCH').map((request) => request.body)).toEqual([
      { paused: true },
      { paused: false },
    ]);
  });

  it('deletes a schedule after a confirmation that starts on Cancel and gives the focus back', async () => {
    let schedules = [schedule()];
    const { api, user } = setup({
      ...scheduleRoutes({ schedules, saved: [savedToolCall] }),
      'GET /api/schedules': () => ({ body: { schedules } }),
      'DELETE /api/schedules/sch_stock': () => {
        schedules = [];
        return { status: 204 };
      },
    });
    const remove = within(await scheduleRow('Low stock')).getByRole('button', { name: 'Delete Low stock' });
    await user.click(remove);
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the schedule Low stock?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(remove).toHaveFocus();
    await user.click(remove);
    await user.click(screen.getByRole('button', { name: 'Delete schedule' }));
    expect(await screen.findByText('Deleted the schedule Low stock.')).toBeInTheDocument();
    expect(api.requests.filter((request) => request.method === 'DELETE').map((request) => request.path)).toEqual([
      '/api/schedules/sch_stock',
    ]);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Schedules' })).toHaveFocus());
    expect(await screen.findByText(/Nothing is scheduled yet/)).toBeInTheDocument();
  });

  it('schedules a saved item in the browser’s zone, with the server’s cron refusal next to the field', async () => {
    const created = schedule({ id: 'sch_orders', saved_id: 'sv_orders', name: 'Failed orders', kind: 'question' });
    let schedules: Schedule[] = [];
    const { api, user } = setup({
      ...scheduleRoutes({ schedules, saved: [savedQuestion] }),
      'GET /api/schedules': () => ({ body: { schedules } }),
      'POST /api/schedules': (request) => {
        if ((request.body as { cron: string }).cron.startsWith('61'))
          return apiError({ status: 400, code: 'invalid_cron', message: 'Minute 61 is out of range (0–59).' });
        schedules = [created];
        return { status: 201, body: created };
      },
      'GET /api/schedules/sch_orders/runs': { body: { runs: [], next_before: null } },
      'GET /api/schedules/sch_orders/alerts': { body: { alerts: [] } },
    });
    const table = await screen.findByRole('table', { name: 'Saved tool calls and questions' });
    await user.click(within(table).getByRole('button', { name: 'Schedule Failed orders' }));
    const form = screen.getByRole('form', { name: 'New schedule' });
    expect(within(form).getByRole('combobox', { name: 'What to run' })).toHaveValue('sv_orders');
    expect(within(form).getByRole('combobox', { name: 'Time zone' })).toHaveValue(
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
    const cron = within(form).getByRole('textbox', { name: 'When (cron)' });
    await user.clear(cron);
    await user.type(cron, '0 7 * *');
    await user.click(within(form).getByRole('button', { name: 'Create schedule' }));
    expect(cron).toHaveAccessibleDescription(expect.stringContaining('A cron has five fields'));
    expect(cron).toHaveFocus();
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
    await user.clear(cron);
    await user.type(cron, '61 7 * * *');
    await user.click(within(form).getByRole('button', { name: 'Create schedule' }));
    await waitFor(() =>
      expect(cron).toHaveAccessibleDescription(expect.stringContaining('Minute 61 is out of range (0–59).')),
    );
    expect(cron).toHaveAttribute('aria-invalid', 'true');
    await user.clear(cron);
    await user.type(cron, '0 8 * * *');
    expect(within(form).getByText('At 08:00')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Create schedule' }));
    expect(await screen.findByRole('heading', { name: 'Failed orders', level: 2 })).toHaveFocus();
    expect(api.requests.filter((request) => request.method === 'POST').map((request) => request.body)).toEqual([
      { saved_id: 'sv_orders', cron: '61 7 * * *', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone },
      { saved_id: 'sv_orders', cron: '0 8 * * *', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone },
    ]);
  });

  it('opens a schedule: its runs, the newest run’s result, its changes in words, older runs and its alerts', async () => {
    const older = runSummary({ id: 'run_1', started_at: '2026-11-28T07:00:01.000Z', diff: null, summary: '2 rows' });
    const { api, user } = setup({
      ...scheduleRoutes({ schedules: [schedule()], saved: [savedToolCall] }),
      'GET /api/schedules/sch_stock/runs': (request) =>
        request.search.get('before') === 'run_2'
          ? { body: { runs: [older], next_before: null } }
          : { body: { runs: [runSummary()], next_before: 'run_2' } },
      'GET /api/schedules/sch_stock/runs/run_2': { body: runDetail() },
      'GET /api/schedules/sch_stock/runs/run_1': {
        body: runDetail({ ...older, diff_detail: null }),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Low stock' }));
    expect(screen.getByRole('heading', { name: 'Low stock', level: 2 })).toHaveFocus();
    expect(screen.getByText('execute_query')).toBeInTheDocument();
    const runs = await screen.findByRole('table', { name: 'Runs, newest first' });
    expect(within(runs).getAllByTestId('schedule-run')[0]).toHaveTextContent('1 added, 1 removed, 1 changed');
    const result = await screen.findByRole('table', { name: /^Result of the run of/ });
    expect(within(result).getByText('Red kettle')).toBeInTheDocument();
    const changes = screen.getByRole('table', { name: 'Rows changed since the previous run' });
    const [added, changed, removed] = within(changes).getAllByTestId('diff-row');
    expect(within(added!).getByRole('rowheader')).toHaveTextContent('+ Added');
    expect(within(changed!).getByRole('rowheader')).toHaveTextContent('~ Changed');
    expect(changed).toHaveTextContent('4was 7');
    expect(within(removed!).getByRole('rowheader')).toHaveTextContent('− Removed');
    expect(within(removed!).getByText('Green plate').tagName).toBe('DEL');
    expect(screen.getByText(/rows matched by id/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Alerts' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Older runs' }));
    await waitFor(() => expect(within(runs).getAllByTestId('schedule-run')).toHaveLength(2));
    expect(
      api.requests
        .filter((request) => request.path === '/api/schedules/sch_stock/runs')
        .map((r) => r.search.toString()),
    ).toEqual(['limit=20', 'limit=20&before=run_2']);
    await user.click(within(runs).getAllByRole('button', { name: /^Show/ })[1]!);
    expect(await screen.findByText('Nothing to compare with: no earlier successful run.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /All schedules/ }));
    expect(await screen.findByRole('button', { name: 'Low stock' })).toHaveFocus();
  });

  it('shows the server’s refusal of an edited cron and sends only what changed', async () => {
    const { api, user } = setup({
      ...scheduleRoutes({ schedules: [schedule()], saved: [savedToolCall] }),
      'PATCH /api/schedules/sch_stock': (request) =>
        (request.body as { cron?: string }).cron === '0 25 * * *'
          ? apiError({ status: 400, code: 'invalid_cron', message: 'Hour 25 is out of range (0–23).' })
          : { body: schedule({ cron: '0 6 * * *' }) },
    });
    await user.click(await screen.findByRole('button', { name: 'Low stock' }));
    await user.click(screen.getByRole('button', { name: 'Change schedule' }));
    const form = screen.getByRole('form', { name: 'Change when it runs' });
    const cron = within(form).getByRole('textbox', { name: 'When (cron)' });
    await user.clear(cron);
    await user.type(cron, '0 25 * * *');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(cron).toHaveAccessibleDescription(expect.stringContaining('Hour 25 is out of range')));
    await user.clear(cron);
    await user.type(cron, '0 6 * * *');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved: Low stock runs 0 6 * * * (Europe/Paris).')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Change schedule' })).toHaveFocus();
    expect(api.requests.filter((request) => request.method === 'PATCH').map((request) => request.body)).toEqual([
      { cron: '0 25 * * *' },
      { cron: '0 6 * * *' },
    ]);
  });

  it('deletes a saved item, saying its schedules go with it', async () => {
    let saved = [savedToolCall];
    const { api, user } = setup({
      ...scheduleRoutes({ schedules: [schedule()], saved }),
      'GET /api/saved': () => ({ body: { saved } }),
      'DELETE /api/saved/sv_stock': () => {
        saved = [];
        return { status: 204 };
      },
    });
    const table = await screen.findByRole('table', { name: 'Saved tool calls and questions' });
    await user.click(within(table).getByRole('button', { name: 'Delete Low stock' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Low stock?' });
    expect(dialog).toHaveTextContent('Its schedule is deleted too, with their runs and alerts.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete saved item' }));
    expect(await screen.findByText('Deleted Low stock.')).toBeInTheDocument();
    expect(api.requests.some((request) => request.method === 'DELETE' && request.path === '/api/saved/sv_stock')).toBe(
      true,
    );
    expect(await screen.findByText(/Nothing saved yet/)).toBeInTheDocument();
  });
});
