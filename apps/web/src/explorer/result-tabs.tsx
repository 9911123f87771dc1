import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

const tabs = [
  { id: 'rendered', label: 'Rendered' },
  { id: 'model', label: 'What the model receives' },
] as const;

type TabId = (typeof tabs)[number]['id'];

/**
 * A tool result two ways, named for what they are: rendered for people (tables, charts) and the exact
 * text the model is given, which is what its answer can rest on.
 */
export function ResultTabs({ rendered, modelText }: { rendered: ReactNode; modelText: string }) {
  const prefix = useId();
  const [selected, setSelected] = useState<TabId>('rendered');
  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = tabs[(tabs.findIndex((tab) => tab.id === selected) + 1) % tabs.length]!.id;
    setSelected(next);
    document.getElementById(`${prefix}-${next}-tab`)?.focus();
  };
  return (
    <div>
      <div role="tablist" aria-label="Result" className="flex gap-1 border-b border-slate-200 dark:border-slate-700">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`${prefix}-${tab.id}-tab`}
            type="button"
            role="tab"
            aria-selected={selected === tab.id}
            aria-controls={`${prefix}-${tab.id}-panel`}
            tabIndex={selected === tab.id ? 0 : -1}
            onClick={() => setSelected(tab.id)}
            onKeyDown={onKeyDown}
            className="-mb-px border-b-2 border-transparent px-3 py-1.5 text-sm text-slate-600 aria-selected:border-indigo-600 aria-selected:font-medium aria-selected:text-slate-900 dark:text-slate-400 dark:aria-selected:text-slate-100"
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        id={`${prefix}-rendered-panel`}
        role="tabpanel"
        aria-labelledby={`${prefix}-rendered-tab`}
        hidden={selected !== 'rendered'}
        className="pt-2"
      >
        {rendered}
      </div>
      <div
        id={`${prefix}-model-panel`}
        role="tabpanel"
        aria-labelledby={`${prefix}-model-tab`}
        hidden={selected !== 'model'}
        className="space-y-1 pt-2"
      >
        <p className="text-xs text-slate-600 dark:text-slate-400">
          The exact text the model is given for this result ({modelText.length.toLocaleString()} characters).
        </p>
        <pre
          className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded bg-slate-100 p-2 font-mono text-xs text-slate-900 dark:bg-slate-950 dark:text-slate-100"
          data-testid="model-text"
          // Scrollable regions must be reachable by keyboard.
          tabIndex={0}
        >
          {modelText}
        </pre>
      </div>
    </div>
  );
}
