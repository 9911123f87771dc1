import { Router } from 'express';
import { ApiError } from '../api-error.js';
import { decodeAuditCursor, type AuditLog } from '../audit/audit-log.js';
import { requireAdmin } from '../audit/require-admin.js';
import { writeAuditCsv } from '../audit/write-audit-csv.js';
import { auditFiltersSchema, auditQuerySchema, type AuditResponse } from '../contracts/index.js';

/**
 * `GET /api/admin/audit`: the audit trail, newest first, a page at a time (`before` = the last page's
 * `nextCursor`), filtered by actor, action, datasource and time; `GET /api/admin/audit/export.csv`: every
 * matching entry as a CSV download, streamed. Admins only.
 */
export function adminAuditRouter({ auditLog }: { auditLog: AuditLog }): Router {
  const router = Router();
  router.use(requireAdmin);
  router.get('/', async (request, response) => {
    const { before, ...query } = auditQuerySchema.parse(request.query);
    if (before !== undefined && !decodeAuditCursor(before))
      throw new ApiError({ status: 400, code: 'invalid_request', message: 'The cursor `before` is not one we gave.' });
    const body: AuditResponse = await auditLog.list({ ...query, before });
    response.json(body);
  });
  router.get('/export.csv', async (request, response) => {
    const filters = auditFiltersSchema.parse(request.query);
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader(
      'content-disposition',
      `attachment; filename="connectormcp-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    try {
      await writeAuditCsv({ entries: auditLog.entries(filters), output: response });
    } catch (error) {
      // Once rows have gone out the status cannot change: a cut-off download is all that can tell the failure.
      if (!response.headersSent) throw error;
      request.log?.error({ err: error }, 'audit export failed');
      response.destroy();
    }
  });
  return router;
}
