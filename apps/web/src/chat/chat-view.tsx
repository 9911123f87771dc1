import { useEffect, useRef, useState } from 'react';
import { useChatStatus, useSession } from '../api/use-api-queries.js';
import { Banner } from '../layout/banner.js';
import type { Datasource } from '../api/api-types.js';
import type { ExplorerTarget } from '../explorer/tool-explorer.js';
import type { ChatItem } from './chat-items.js';
import { ChatHeader } from './chat-header.js';
import { Composer } from './composer.js';
import { ExampleQuestions } from './example-questions.js';
import { FoldedText } from './folded-text.js';
import { historyToChatItems } from './history-to-chat-items.js';
import { MarkdownMessage } from './markdown-message.js';
import { SaveActions } from '../saved/save-actions.js';
import { RunErrorBanner } from './run-error-banner.js';
import { ToolCallCard } from './tool-call-card.js';
import { withToolCallRuns } from './tool-call-run-turns.js';
import { UsageLine } from './usage-line.js';
import { useChatRun } from './use-chat-run.js';
import { useToolCallRerun } from './use-tool-call-rerun.js';

const questionActionClass =
  'text-xs text-slate-600 hover:text-slate-900 hover:underline disabled:opacity-50 dark:text-slate-400 dark:hover:text-slate-100';

/**
 * One conversation: its header (title, the datasources it uses), its stored history as it was seen, then
 * live runs streamed into it. Mounted afresh (keyed) when someone picks another session, so a session
 * created by the first message keeps its live state.
 */
export function ChatView({
  sessionId,
  title,
  datasources,
  selectedDatasourceIds,
  onSelectionChange,
  selectionSaveError,
  onSessionCreated,
  onOpenInExplorer,
  onOpenSchedules,
  onRunStarted,
}: {
  sessionId: string | null;
  title: string;
  datasources: Datasource[];
  selectedDatasourceIds: string[];
  onSelectionChange: (datasourceIds: string[]) => void;
  selectionSaveError?: Error | null;
  onSessionCreated: (sessionId: string) => void;
  onOpenInExplorer?: (target: ExplorerTarget) => void;
  /** Shows a schedule made here (a tool card's or a question's "Schedule") in the Schedules view. */
  onOpenSchedules?: (scheduleId: string) => void;
  onRunStarted?: (options: { sessionId: string; datasourceIds: string[] }) => void;
}) {
  const chat = useChatRun({ onSessionCreated, ...(onRunStarted ? { onRunStarted } : {}) });
  const rerun = useToolCallRerun({ sessionId, appendTurn: chat.appendTurn, updateTurn: chat.updateTurn });
  const status = useChatStatus();
  const initialSession = useRef(sessionId);
  const history = useSession({ id: initialSession.current });
  const seeded = useRef(false);
  const [seededCount, setSeededCount] = useState<number | null>(null);
  const [retryNotice, setRetryNotice] = useState<string | null>(null);
  useEffect(() => {
    if (seeded.current || !history.data) return;
    seeded.current = true;
    const items = withToolCallRuns({
      items: historyToChatItems({
        messages: history.data.messages,
        toolCalls: history.data.toolCalls,
        runs: history.data.runs,
      }),
      messages: history.data.messages,
      runs: history.data.runs,
      toolCalls: history.data.toolCalls,
    });
    chat.reset(items);
    setSeededCount(items.length);
  }, [history.data, chat]);
  // Only until someone asks something new here.
  const interrupted = history.data?.latestRun?.status === 'interrupted' && chat.items.length === seededCount;

  const bottom = useRef<HTMLDivElement>(null);
  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: 'end' });
  }, [chat.items]);

  const names = new Map(datasources.map((datasource) => [datasource.id, datasource.name]));
  // Unknown until /api/status answers: sending stays possible rather than blocked on a guess.
  const chatAvailable = status.data?.available !== false;
  const hasSelection = selectedDatasourceIds.length > 0;
  const disabledReason = !chatAvailable
    ? (status.data?.message ?? 'The chat is not available on this server.')
    : !hasSelection
      ? 'Pick at least one datasource (in the sidebar or with “Change sources”) to chat.'
      : undefined;
  const send = (message: string, datasourceIds = selectedDatasourceIds) => {
    setRetryNotice(null);
    void chat.send({ sessionId, message, datasources: datasourceIds });
  };
  const ask = ({ question, datasourceId }: { question: string; datasourceId: string }) => {
    const datasourceIds = selectedDatasourceIds.includes(datasourceId)
      ? selectedDatasourceIds
      : [...selectedDatasourceIds, datasourceId];
    if (datasourceIds !== selectedDatasourceIds) onSelectionChange(datasourceIds);
    send(question, datasourceIds);
  };
  // A question that could only fail again is not sent: the server is asked first whether the chat works now.
  const retry = async (index: number) => {
    const user = chat.items
      .slice(0, index)
      .reverse()
      .find((item): item is Extract<ChatItem, { kind: 'user' }> => item.kind === 'user');
    if (!user) return;
    const current = (await status.refetch()).data;
    if (current && !current.available) {
      setRetryNotice(current.message ?? 'The chat is still not available on this server.');
      return;
    }
    send(user.text);
  };

  return (
    <section className="flex min-h-0 flex-1 flex-col" aria-label="Chat">
      <ChatHeader
        title={title}
        datasources={datasources}
        selectedIds={selectedDatasourceIds}
        onChange={onSelectionChange}
        saveError={selectionSaveError ?? null}
      />
      <div
        className="min-h-0 flex-1 overflow-y-auto px-4 py-4"
        role="log"
        aria-label="Conversation"
        aria-live="polite"
        aria-busy={chat.running}
        // Scrollable: keyboard users scroll it too, also when it holds nothing to focus (a narrow screen).
        tabIndex={0}
      >
        <div className="mx-auto max-w-3xl space-y-4">
          {!chatAvailable ? (
            <Banner tone="warning" title="The chat cannot answer yet: no Anthropic API key is set on the server">
              <p>{status.data?.message}</p>
              <p className="mt-1">
                Start the server with <code>ANTHROPIC_API_KEY=sk-ant-… npm start</code> to chat.
              </p>
            </Banner>
          ) : null}
          {history.isLoading ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">Loading the conversation…</p>
          ) : null}
          {chat.items.length === 0 && !history.isLoading ? (
            <div className="mt-10 text-center text-slate-600 dark:text-slate-400">
              <p className="text-lg font-medium text-slate-800 dark:text-slate-100">Ask about your data</p>
              <p className="mt-1 text-sm">Type a question below, or start with one of these.</p>
              <ExampleQuestions datasources={datasources} disabled={!chatAvailable || chat.running} onAsk={ask} />
            </div>
          ) : null}
          {chat.items.map((item, index) =>
            item.kind === 'user' ? (
              <div key={item.id} className="flex flex-col items-end gap-1">
                <p
                  className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl bg-indigo-600 px-4 py-2 text-white"
                  data-testid="user-message"
                >
                  <FoldedText text={item.text} />
                </p>
                {/* Re-asked on the chat's datasources, on demand or on a schedule. */}
                <div className="flex gap-2">
                  <SaveActions
                    target={{ kind: 'question', question: item.text, datasources: selectedDatasourceIds }}
                    saveLabel="Save question"
                    scheduleLabel="Schedule question"
                    className={questionActionClass}
                    disabled={!hasSelection}
                    onOpenSchedules={onOpenSchedules}
                  />
                </div>
              </div>
            ) : (
              <div key={item.id} className="space-y-1" data-testid="assistant-message">
                {item.origin === 'rerun' ? (
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    Run again by you with edited arguments; the model was not asked.
                  </p>
                ) : null}
                {item.parts.map((part, partIndex) =>
                  part.kind === 'text' ? (
                    <MarkdownMessage key={partIndex} text={part.text} />
                  ) : (
                    <ToolCallCard
                      key={part.call.id}
                      call={part.call}
                      datasourceName={names.get(part.call.datasource) ?? part.call.datasource}
                      onDecide={(decision) => void chat.decide(decision)}
                      actions={{
                        rerun: (request) => void rerun.rerun(request),
                        ...(onOpenInExplorer ? { openInExplorer: onOpenInExplorer } : {}),
                        ...(onOpenSchedules ? { openSchedules: onOpenSchedules } : {}),
                        busy: chat.running || rerun.running,
                      }}
                    />
                  ),
                )}
                {item.state === 'streaming' && item.parts.length === 0 && item.origin !== 'rerun' ? (
                  <p className="flex items-center gap-2 text-sm text-slate-500 dark:text-slate-400" role="status">
                    <span
                      className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-current border-t-transparent"
                      aria-hidden="true"
                    />
                    Thinking…
                  </p>
                ) : null}
                {item.error ? (
                  <RunErrorBanner
                    error={item.error}
                    {...(chat.running || item.origin === 'rerun' ? {} : { onRetry: () => void retry(index) })}
                  />
                ) : null}
                {item.error && retryNotice && index === chat.items.length - 1 ? (
                  <p className="text-sm text-amber-800 dark:text-amber-300" role="status">
                    Not sent again: {retryNotice}
                  </p>
                ) : null}
                {item.usage && item.usage.inputTokens + item.usage.outputTokens > 0 ? (
                  <UsageLine usage={item.usage} />
                ) : null}
                {item.state === 'done' &&
                !chat.running &&
                item.origin !== 'rerun' &&
                index === chat.items.length - 1 ? (
                  <button
                    type="button"
                    onClick={() => void retry(index)}
                    className="text-xs text-slate-500 dark:text-slate-400 hover:text-slate-800 hover:underline dark:hover:text-slate-200"
                  >
                    Retry
                  </button>
                ) : null}
              </div>
            ),
          )}
          {interrupted ? (
            <Banner tone="info" title="The last answer was interrupted">
              <p>The server stopped while answering. Ask again or go on; everything said so far is kept.</p>
            </Banner>
          ) : null}
          <div ref={bottom} />
        </div>
      </div>
      <div className="mx-auto w-full max-w-3xl">
        <Composer
          running={chat.running}
          disabled={!chatAvailable || !hasSelection}
          {...(disabledReason ? { disabledReason } : {})}
          onSend={send}
          onStop={() => void chat.stop()}
        />
      </div>
    </section>
  );
}
