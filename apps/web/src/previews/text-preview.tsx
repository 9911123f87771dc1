const maximumLines = 5_000;

/** Text with line numbers (not selectable, so copying takes only the text). */
export function TextPreview({ text, label }: { text: string; label: string }) {
  const lines = text.split(/\r\n|\n|\r/);
  const shown = lines.slice(0, maximumLines);
  const width = `${String(shown.length).length + 1}ch`;
  return (
    <div
      className="max-h-96 overflow-auto rounded-md bg-slate-100 py-2 font-mono text-xs dark:bg-slate-800"
      role="group"
      aria-label={label}
    >
      {shown.map((line, index) => (
        <div key={index} className="flex">
          <span
            aria-hidden="true"
            className="shrink-0 select-none border-r border-slate-300 pr-2 text-right text-slate-600 dark:border-slate-600 dark:text-slate-400"
            style={{ width }}
          >
            {index + 1}
          </span>
          <span className="whitespace-pre-wrap break-all pl-2">{line || '\u200b'}</span>
        </div>
      ))}
      {lines.length > shown.length ? (
        <p className="px-2 pt-1 text-slate-600 dark:text-slate-400">
          … {lines.length - shown.length} more lines not shown
        </p>
      ) : null}
    </div>
  );
}
