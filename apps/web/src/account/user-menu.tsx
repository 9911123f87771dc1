import { useEffect, useId, useRef, useState } from 'react';
import type { MeResponse } from './account-types.js';
import { RoleBadge } from './role-badge.js';
import { useSignOut } from './use-sign-out.js';

const signOutLabels: Record<MeResponse['authMethod'], string | null> = {
  session: 'Sign out',
  api_key: 'Forget this API key',
  environment_key: 'Forget this API key',
  local: null,
};

const itemClass =
  'block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:bg-slate-100 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800';

/**
 * Who is signed in (name and role) and what they can do about it: their API keys, and signing out. A
 * disclosure, not an ARIA menu: Tab moves through its two buttons, Escape closes it.
 */
export function UserMenu({ me, onOpenApiKeys }: { me: MeResponse; onOpenApiKeys: () => void }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const signOut = useSignOut();
  const signOutLabel = signOutLabels[me.authMethod];

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  return (
    <div
      ref={container}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-200 dark:hover:bg-slate-800"
      >
        <span className="sr-only">Account: </span>
        <span className="min-w-0 flex-1 truncate font-medium">{me.user.name}</span>
        <RoleBadge role={me.user.role} />
        <span aria-hidden="true">▾</span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute left-0 right-0 z-10 mt-1 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {me.user.email ? (
          <p className="truncate px-3 py-1 text-xs text-slate-600 dark:text-slate-400">{me.user.email}</p>
        ) : null}
        <button
          type="button"
          className={itemClass}
          onClick={() => {
            setOpen(false);
            onOpenApiKeys();
          }}
        >
          API keys
        </button>
        {signOutLabel ? (
          <button
            type="button"
            className={itemClass}
            disabled={signOut.isPending}
            onClick={() => signOut.mutate({ me })}
          >
            {signOut.isPending ? 'Signing out…' : signOutLabel}
          </button>
        ) : null}
        {signOut.error ? (
          <p role="alert" className="px-3 py-1 text-xs text-rose-800 dark:text-rose-300">
            {signOut.error.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
