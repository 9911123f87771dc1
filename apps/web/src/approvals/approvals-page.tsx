import { useState } from 'react';
import type { PendingApproval } from '../account/account-types.js';
import { DateCell } from '../account/date-cell.js';
import type { Datasource } from '../api/api-types.js';
import { Banner } from '../layout/banner.js';
import { ApprovalArguments } from './approval-arguments.js';
import { useApprovals, useDecideApproval } from './use-approvals.js';

function ApprovalCard({ approval, datasourceName }: { approval: PendingApproval; datasourceName: string }) {
  const decide = useDecideApproval();
  const [decided, setDecided] = useState<'approved' | 'denied' | null>(null);
  const titleId = `pending-approval-${approval.id}`;
  return (
    <li>
      <article
        aria-labelledby={titleId}
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
      >
        <h3 id={titleId} className="font-semibold">
          <code className="font-mono">{approval.tool}</code> on {datasourceName}
        </h3>
        <p className="mt-1 text-xs">
          Asked by {approval.owner.name}, <DateCell iso={approval.createdAt} />
        </p>
        <div className="mt-2">
          <ApprovalArguments value={approval.arguments} />
        </div>
        {decide.error ? (
          <p role="alert" className="mt-2 text-sm text-rose-800 dark:text-rose-300">
            {decide.error.message}
          </p>
        ) : null}
        <div className="mt-3 flex gap-2">
          <button
            type="button"
            disabled={decide.isPending || decided !== null}
            aria-label={`Approve ${approval.tool} on ${datasourceName} for ${approval.owner.name}`}
            onClick={() =>
              decide.mutate({ id: approval.id, approve: true }, { onSuccess: () => setDecided('approved') })
            }
            className="rounded-md bg-amber-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-800 disabled:opacity-50"
          >
            Approve
          </button>
          <button
            type="button"
            disabled={decide.isPending || decided !== null}
            aria-label={`Deny ${approval.tool} on ${datasourceName} for ${approval.owner.name}`}
            onClick={() =>
              decide.mutate({ id: approval.id, approve: false }, { onSuccess: () => setDecided('denied') })
            }
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
          >
            Deny
          </button>
          {decided ? (
            <span role="status" className="self-center text-sm">
              {decided === 'approved' ? 'Approved' : 'Denied'}
            </span>
          ) : null}
        </div>
      </article>
    </li>
  );
}

/** Writes waiting for a decision this user may make, their own and (as an approver) other people's. */
export function ApprovalsPage({ datasources }: { datasources: Datasource[] }) {
  const approvals = useApprovals();
  const nameOf = (id: string) => datasources.find((datasource) => datasource.id === id)?.name ?? id;
  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">
      <div className="mx-auto max-w-3xl space-y-4">
        <div>
          <h2 className="text-lg font-semibold">Approvals</h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Writes that wait for a decision you may make. The chat that asked goes on as soon as you decide.
          </p>
        </div>
        {approvals.error ? (
          <Banner tone="error" title="The approvals could not be loaded">
            {approvals.error.message}
          </Banner>
        ) : null}
        {approvals.isPending ? (
          <p role="status" className="text-sm">
            Loading…
          </p>
        ) : null}
        {approvals.data?.length === 0 ? <p className="text-sm">Nothing is waiting for you.</p> : null}
        {approvals.data && approvals.data.length > 0 ? (
          <ul className="space-y-3" aria-label="Waiting for a decision">
            {approvals.data.map((approval) => (
              <ApprovalCard key={approval.id} approval={approval} datasourceName={nameOf(approval.datasource)} />
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
