import type { Datasource } from '../api/api-types.js';

/**
 * Questions to start with, per datasource whose source answers: one click asks it (with that datasource
 * added to the chat's selection when it was not in it).
 */
export function ExampleQuestions({
  datasources,
  disabled,
  onAsk,
}: {
  datasources: Datasource[];
  disabled: boolean;
  onAsk: (options: { question: string; datasourceId: string }) => void;
}) {
  const usable = datasources.filter(
    (datasource) =>
      datasource.examples.length > 0 &&
      (datasource.health.status === 'connected' || datasource.health.status === 'degraded'),
  );
  if (usable.length === 0) return null;
  return (
    <div className="mt-6 space-y-4 text-left" data-testid="example-questions">
      {usable.map((datasource) => (
        <section key={datasource.id} aria-labelledby={`examples-${datasource.id}`}>
          <h3 id={`examples-${datasource.id}`} className="text-xs font-semibold text-slate-600 dark:text-slate-400">
            Try with {datasource.name.replace(/\s*\(sandbox\)/i, '')}
          </h3>
          <ul className="mt-1 flex flex-wrap gap-2">
            {datasource.examples.map((question) => (
              <li key={question}>
                <button
                  type="button"
                  disabled={disabled}
                  onClick={() => onAsk({ question, datasourceId: datasource.id })}
                  className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:border-indigo-400 hover:bg-indigo-50 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
                >
                  {question}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
