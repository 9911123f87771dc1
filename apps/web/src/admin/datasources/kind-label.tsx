// A short mark per kind, in its own colour; the title beside it says the same in words.
const marks: Record<string, { mark: string; style: string; title: string }> = {
  mysql: { mark: 'My', style: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100', title: 'MySQL' },
  s3: { mark: 'S3', style: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100', title: 'S3' },
  jira: { mark: 'Ji', style: 'bg-blue-100 text-blue-900 dark:bg-blue-900 dark:text-blue-100', title: 'Jira' },
  shopify: {
    mark: 'Sh',
    style: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
    title: 'Shopify',
  },
  remote: {
    mark: '⇄',
    style: 'bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100',
    title: 'Remote MCP server',
  },
  command: {
    mark: '>_',
    style: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
    title: 'Custom command',
  },
};

/** Which look a datasource gets: its kind's, else remote or command by transport. */
export function kindKey({ kind, transport }: { kind: string | null; transport: 'stdio' | 'http' }): string {
  if (kind && kind in marks) return kind;
  return transport === 'http' ? 'remote' : 'command';
}

export function KindMark({ kindName }: { kindName: string }) {
  const look = marks[kindName] ?? marks.command!;
  return (
    <span
      aria-hidden="true"
      className={`inline-flex h-6 w-6 shrink-0 items-center justify-center rounded font-mono text-[10px] font-bold ${look.style}`}
    >
      {look.mark}
    </span>
  );
}

/** The kind's mark and its name in words. */
export function KindLabel({
  kind,
  transport,
  title,
}: {
  kind: string | null;
  transport: 'stdio' | 'http';
  /** The API's title for the kind, when known. */
  title?: string | undefined;
}) {
  const key = kindKey({ kind, transport });
  const words = title ?? (kind && !(kind in marks) ? kind : marks[key]!.title);
  return (
    <span className="inline-flex items-center gap-1.5">
      <KindMark kindName={key} />
      <span>{words}</span>
    </span>
  );
}
