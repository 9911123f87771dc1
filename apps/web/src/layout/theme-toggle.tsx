import { useEffect, useState } from 'react';

type Theme = 'light' | 'dark';
const storageKey = 'connectormcp.theme';

function initialTheme(): Theme {
  const stored = localStorage.getItem(storageKey);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Light and dark themes; follows the system until someone picks one. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      onClick={() => {
        localStorage.setItem(storageKey, next);
        setTheme(next);
      }}
      className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
      aria-label={`Switch to the ${next} theme`}
    >
      {theme === 'dark' ? '☀︎' : '☾'}
    </button>
  );
}
