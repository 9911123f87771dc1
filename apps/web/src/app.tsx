import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from './api/api-request-error.js';
import { useDatasources, useServerHealth, useSessions } from './api/use-api-queries.js';
import { ApiKeysPage } from './account/api-keys-page.js';
import { useMe } from './account/use-me.js';
import { UserMenu } from './account/user-menu.js';
import { AuditPageOnDemand } from './admin/audit/audit-page-on-demand.js';
import { DatasourcesPageOnDemand } from './admin/datasources/datasources-page-on-demand.js';
import { UsersPage } from './admin/users-page.js';
import { ApprovalsPage } from './approvals/approvals-page.js';
import { useApprovals } from './approvals/use-approvals.js';
import { ChatView } from './chat/chat-view.js';
import { useDatasourceSelection } from './chat/use-datasource-selection.js';
import { ToolExplorer, type ExplorerTarget } from './explorer/tool-explorer.js';
import { ApiKeyPrompt } from './layout/api-key-prompt.js';
import { Banner } from './layout/banner.js';
import { ThemeToggle } from './layout/theme-toggle.js';
import { ViewNavigation, type View } from './layout/view-navigation.js';
import { SourceHealthBanners } from './layout/source-health-banners.js';
import { SchedulesPageOnDemand } from './schedules/schedules-page-on-demand.js';
import { DatasourceList } from './sidebar/datasource-list.js';
import { SessionList } from './sidebar/session-list.js';

const sessionFromLocation = () => new URLSearchParams(window.location.search).get('session');

/** The page: sidebar (datasources, chats), then the chat or the tool explorer. */
export function App() {
  const client = useQueryClient();
  const me = useMe();
  const approvals = useApprovals();
  const datasources = useDatasources();
  const sessions = useSessions();
  const health = useServerHealth();
  const [view, setView] = useState<View>('chat');
  // Set by "Open in explorer" on a tool card; choosing the explorer from the menu starts it afresh.
  const [explorerTarget, setExplorerTarget] = useState<ExplorerTarget | undefined>(undefined);
  // The schedule a chat's "Open in Schedules" asked for; forgotten once another view is chosen.
  const [openedSchedule, setOpenedSchedule] = useState<string | null>(null);
  useEffect(() => {
    if (view !== 'schedules') setOpenedSchedule(null);
  }, [view]);
  const [sessionId, setSessionId] = useState<string | null>(sessionFromLocation);
  // Changes only when someone picks a chat, so a chat created by its first message keeps streaming.
  const [chatKey, setChatKey] = useState(0);
  const [sidebarOpen, setSidebarOpen] = useState(false);

  const available = datasources.data ?? [];
  const sessionList = sessions.data ?? [];
  const selection = useDatasourceSelection({ sessionId, sessions: sessionList, datasources: available });
  const title = sessionList.find((session) => session.id === sessionId)?.title ?? 'New chat';

  useEffect(() => {
    const url = new URL(window.location.href);
    if (sessionId) url.searchParams.set('session', sessionId);
    else url.searchParams.delete('session');
    window.history.replaceState(null, '', url);
  }, [sessionId]);

  const { startNewChat } = selection;
  const openSession = useCallback(
    (id: string | null) => {
      if (id === null) startNewChat();
      setSessionId(id);
      setChatKey((key) => key + 1);
      setView('chat');
      setSidebarOpen(false);
    },
    [startNewChat],
  );
  const onSessionCreated = useCallback((id: string) => setSessionId(id), []);

  const errors = [datasources.error, sessions.error].filter((error): error is Error => Boolean(error));
  const unauthorized = errors.some((error) => error instanceof ApiRequestError && error.status === 401);
  const rateLimited = errors.some((error) => error instanceof ApiRequestError && error.status === 429);

  return (
    <div className="flex h-dvh flex-col md:flex-row">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:z-10 focus:bg-white focus:p-2">
        Skip to the conversation
      </a>
      <header className="flex items-center justify-between border-b border-slate-200 px-3 py-2 md:hidden dark:border-slate-800">
        <button
          type="button"
          onClick={() => setSidebarOpen(!sidebarOpen)}
          aria-expanded={sidebarOpen}
          aria-controls="sidebar"
          className="rounded px-2 py-1 text-sm"
        >
          ☰ Menu
        </button>
        <span className="font-semibold">ConnectorMCP</span>
        <ThemeToggle />
      </header>
      <aside
        id="sidebar"
        className={`${sidebarOpen ? 'flex' : 'hidden'} w-full shrink-0 flex-col gap-4 overflow-y-auto border-r border-slate-200 bg-slate-50 p-3 md:flex md:w-72 dark:border-slate-800 dark:bg-slate-900`}
      >
        <div className="hidden items-center justify-between md:flex">
          <h1 className="text-base font-semibold">ConnectorMCP</h1>
          <ThemeToggle />
        </div>
        {me.data ? (
          <UserMenu
            me={me.data}
            onOpenApiKeys={() => {
              setView('api-keys');
              setSidebarOpen(false);
            }}
          />
        ) : null}
        <ViewNavigation
          current={view}
          isAdmin={me.data?.user.role === 'admin'}
          badges={{ approvals: approvals.data?.length ?? 0 }}
          onSelect={(candidate) => {
            setView(candidate);
            setExplorerTarget(undefined);
            setSidebarOpen(false);
          }}
        />
        <DatasourceList
          datasources={available}
          isLoading={datasources.isLoading}
          selectedIds={selection.selectedIds}
          onToggle={selection.toggle}
        />
        <SessionList
          sessions={sessionList}
          activeId={sessionId}
          onSelect={(id) => openSession(id)}
          onNew={() => openSession(null)}
          onDeleted={(id) => {
            if (id === sessionId) openSession(null);
          }}
        />
      </aside>
      <main id="main" className="flex min-h-0 min-w-0 flex-1 flex-col">
        <div className="space-y-2 px-4 pt-3 empty:hidden">
          {health.isError && !unauthorized ? (
            <Banner tone="error" title="The server cannot be reached">
              <p>Retrying… Check that the API is running (npm start).</p>
            </Banner>
          ) : null}
          {unauthorized ? <ApiKeyPrompt onSaved={() => void client.invalidateQueries()} /> : null}
          {rateLimited ? <Banner tone="warning" title="Rate limited: too many requests. Retrying shortly." /> : null}
          {view === 'chat' ? (
            <SourceHealthBanners
              datasources={available}
              selectedIds={selection.selectedIds}
              onDeselect={(id) => selection.setSelection(selection.selectedIds.filter((candidate) => candidate !== id))}
            />
          ) : null}
        </div>
        {view === 'chat' ? (
          <ChatView
            key={chatKey}
            sessionId={sessionId}
            title={title}
            datasources={available}
            selectedDatasourceIds={selection.selectedIds}
            onSelectionChange={selection.setSelection}
            selectionSaveError={selection.saveError}
            onSessionCreated={onSessionCreated}
            onRunStarted={selection.sent}
            onOpenInExplorer={(target) => {
              setExplorerTarget(target);
              setView('explorer');
            }}
            onOpenSchedules={(scheduleId) => {
              setOpenedSchedule(scheduleId);
              setView('schedules');
            }}
          />
        ) : null}
        {view === 'explorer' ? (
          <ToolExplorer datasources={available} {...(explorerTarget ? { target: explorerTarget } : {})} />
        ) : null}
        {view === 'approvals' ? <ApprovalsPage datasources={available} /> : null}
        {view === 'api-keys' ? <ApiKeysPage /> : null}
        {view === 'users' ? <UsersPage currentUserId={me.data?.user.id} /> : null}
        {view === 'datasources' ? <DatasourcesPageOnDemand /> : null}
        {view === 'audit' ? <AuditPageOnDemand /> : null}
        {view === 'schedules' ? <SchedulesPageOnDemand scheduleId={openedSchedule} /> : null}
      </main>
    </div>
  );
}
