import { useEffect, useRef, useState } from 'react';
import { useSession } from '../api/use-api-queries.js';
import { Banner } from '../layout/banner.js';
import type { Datasource } from '../api/api-types.js';
import type { ExplorerTarget } from '../explorer/tool-explorer.js';
import type { ChatItem } from './chat-items.js';
import { Composer } from './composer.js';
import { historyToChatItems } from './history-to-chat-items.js';
import { MarkdownMessage } from './markdown-message.js';
import { RunErrorBanner } from './run-error-banner.js';
import { ToolCallCard } from './tool-call-card.js';
import { UsageLine } from './usage-line.js';
import { useChatRun } from './use-chat-run.js';
import { useToolCallRerun } from './use-tool-call-rerun.js';

/**
 * One conversation: its stored history, then live runs streamed into it. Mounted afresh (keyed) when
 * someone picks another session, so a session created by the first message keeps its live state.
 */
export function ChatView({
  sessionId,
  datasources,
  selectedDatasourceIds,
  onSessionCreated,
  onOpenInExplorer,
}: {
  sessionId: string | null;
  datasources: Datasource[];
  selectedDatasourceIds: string[];
  onSessionCreated: (sessionId: string) => void;
  onOpenInExplorer?: (target: ExplorerTarget) => void;
}) {
  const chat = useChatRun({ onSessionCreated });
  const rerun = useToolCallRerun({ sessionId, appendTurn: chat.appendTurn, updateTurn: chat.updateTurn });
  const initialSession = useRef(sessionId);
  const history = useSession({ id: initialSession.current });
  const seeded = useRef(false);
  const [seededCount, setSeededCount] = useState<number | null>(null);
  useEffect(() => {
    if (seeded.current || !history.data) return;
    seeded.current = true;
    const items = historyToChatItems({ messages: history.data.messages, toolCalls: history.data.toolCalls });
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
  const usable = selectedDatasourceIds.length > 0;
  const send = (message: string) => void chat.send({ sessionId, message, datasources: selectedDatasourceIds });
  const retry = (index: number) => {
    const user = chat.items
      .slice(0, index)
      .reverse()
      .find((item): item is Extract<ChatItem, { kind: 'user' }> => item.kind === 'user');
    if (user) send(user.text);
  };

  return (
    <section className="flex min-h-0 flex-1 flex-col" aria-label="Chat">
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4" role="log" aria-live="polite" aria-busy={chat.running}>
        <div className="mx-auto max-w-3xl space-y-4">
          {history.isLoading ? <p className="text-sm text-slate-500">Loading the conversation…</p> : null}
          {chat.items.length === 0 && !history.isLoading ? (
            <div className="mt-16 text-center text-slate-500">
              <p className="text-lg font-medium text-slate-700 dark:text-slate-200">Ask about your data</p>
              <p className="mt-1 text-sm">
                For example: “What were our top 5 products by revenue last month?” or “List the newest files in the
                reports folder.”
              </p>
            </div>
          ) : null}
          {chat.items.map((item, index) =>
            item.kind === 'user' ? (
              <div key={item.id} className="flex justify-end">
                <p
                  className="max-w-[85%] whitespace-pre-wrap rounded-2xl bg-indigo-600 px-4 py-2 text-white"
                  data-testid="user-message"
                >
                  {item.text}
                </p>
              </div>
            ) : (
              <div key={item.id} className="space-y-1" data-testid="assistant-message">
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
                        busy: chat.running || rerun.running,
                      }}
                    />
                  ),
                )}
                {item.state === 'streaming' && item.parts.length === 0 ? (
                  <p className="flex items-center gap-2 text-sm text-slate-500" role="status">
                    <span
                      className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-current border-t-transparent"
                      aria-hidden="true"
                    />
                    Thinking…
                  </p>
                ) : null}
                {item.error ? (
                  <RunErrorBanner error={item.error} {...(chat.running ? {} : { onRetry: () => retry(index) })} />
                ) : null}
                {item.usage && item.usage.inputTokens + item.usage.outputTokens > 0 ? (
                  <UsageLine usage={item.usage} />
                ) : null}
                {item.state === 'done' && !chat.running && index === chat.items.length - 1 ? (
                  <button
                    type="button"
                    onClick={() => retry(index)}
                    className="text-xs text-slate-500 hover:text-slate-800 hover:underline dark:hover:text-slate-200"
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
      {!usable && datasources.length > 0 ? (
        <p className="px-4 text-sm text-amber-700 dark:text-amber-300">
          Pick at least one datasource in the sidebar to chat.
        </p>
      ) : null}
      <div className="mx-auto w-full max-w-3xl">
        <Composer running={chat.running} disabled={!usable} onSend={send} onStop={() => void chat.stop()} />
      </div>
    </section>
  );
}
