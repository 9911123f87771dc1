import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';

/** The API's limit on one message (`maximumMessageLength` in @connectormcp/api/contracts; a test holds them equal). */
export const maximumMessageLength = 20_000;

const numberFormat = new Intl.NumberFormat();

/**
 * The message box: Enter sends, Shift+Enter adds a line; while a run goes the button stops it. It counts
 * characters against the API's limit, and when a message could only fail (no key on the server, no
 * datasource picked) it says why instead of sending.
 */
export function Composer({
  running,
  disabled,
  disabledReason,
  onSend,
  onStop,
}: {
  running: boolean;
  disabled?: boolean;
  /** Why nothing can be sent now, shown under the box. */
  disabledReason?: string;
  onSend: (message: string) => void;
  onStop: () => void;
}) {
  const [text, setText] = useState('');
  const counterId = useId();
  const reasonId = useId();
  const tooLong = text.length > maximumMessageLength;
  const blocked = Boolean(disabled) || tooLong;
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const message = text.trim();
    if (!message || running || blocked) return;
    onSend(message);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  const nearLimit = text.length > maximumMessageLength * 0.9;
  return (
    <form onSubmit={submit} className="border-t border-slate-200 p-3 dark:border-slate-800">
      <div className="flex items-end gap-2">
        <label htmlFor="composer" className="sr-only">
          Message
        </label>
        <textarea
          id="composer"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          rows={Math.min(8, Math.max(2, text.split('\n').length))}
          placeholder="Ask about your data… (Enter to send, Shift+Enter for a new line)"
          aria-describedby={[counterId, disabled && disabledReason ? reasonId : null].filter(Boolean).join(' ')}
          aria-invalid={tooLong || undefined}
          className="min-h-12 flex-1 resize-none rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 aria-invalid:border-rose-500 dark:border-slate-700 dark:bg-slate-900"
        />
        {running ? (
          <button
            type="button"
            onClick={onStop}
            className="rounded-lg bg-rose-600 px-4 py-2 text-sm font-medium text-white hover:bg-rose-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600"
          >
            Stop
          </button>
        ) : (
          <button
            type="submit"
            disabled={blocked || text.trim() === ''}
            className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Send
          </button>
        )}
      </div>
      <div className="mt-1 flex flex-wrap justify-between gap-2 text-xs">
        <p id={reasonId} className="text-amber-800 dark:text-amber-300">
          {disabled && disabledReason ? disabledReason : null}
        </p>
        <p
          id={counterId}
          data-testid="message-length"
          className={tooLong ? 'font-medium text-rose-700 dark:text-rose-300' : 'text-slate-500 dark:text-slate-400'}
        >
          {tooLong
            ? `${numberFormat.format(text.length - maximumMessageLength)} characters too many (the limit is ${numberFormat.format(maximumMessageLength)})`
            : `${numberFormat.format(text.length)} / ${numberFormat.format(maximumMessageLength)}${nearLimit ? ' characters' : ''}`}
        </p>
      </div>
    </form>
  );
}
