import { useState, type MouseEvent } from 'react';
import { apiHeaders, errorFromResponse, storedApiKey } from '../../api/api-request.js';
import { secondaryButtonClass } from '../datasources/button-styles.js';
import { Spinner } from '../datasources/spinner.js';
import { auditSearchParams, type AuditFilterValues } from './audit-filter-values.js';

/** The CSV export's address for these filters (every matching entry, not only the loaded pages). */
export function auditExportPath({ filters }: { filters: AuditFilterValues }): string {
  const query = auditSearchParams({ filters }).toString();
  return `/api/admin/audit/export.csv${query ? `?${query}` : ''}`;
}

function fileNameOf({ response }: { response: Response }) {
  const disposition = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'connectormcp-audit.csv';
}

/**
 * "Export CSV": a plain download link, which a signed-in browser's cookie authorises. A browser that
 * authenticates with an API key kept in this page cannot put it on a link, so it fetches the file with
 * the key in a header and saves what came back.
 */
export function AuditExportLink({ filters }: { filters: AuditFilterValues }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const path = auditExportPath({ filters });
  const onClick = async (event: MouseEvent<HTMLAnchorElement>) => {
    if (!storedApiKey()) return;
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(path, { headers: { ...apiHeaders(), accept: 'text/csv' } });
      if (!response.ok) throw await errorFromResponse({ response });
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameOf({ response });
      document.body.append(link);
      link.click();
      link.remove();
      // After the click has handed the file to the browser's download.
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
    } catch (failure) {
      setError(`The export failed: ${(failure as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="inline-flex flex-col gap-1">
      <a
        href={path}
        download
        onClick={(event) => void onClick(event)}
        className={secondaryButtonClass}
        aria-busy={busy}
      >
        {busy ? <Spinner /> : null}
        Export CSV
      </a>
      {error ? (
        <span role="alert" className="text-xs text-rose-700 dark:text-rose-300">
          {error}
        </span>
      ) : null}
    </span>
  );
}
