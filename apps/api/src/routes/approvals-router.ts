import { Router } from 'express';
import { actingUser } from '../audit/acting-user.js';
import { approvalRequestSchema, type ApprovalsResponse } from '../contracts/index.js';
import type { RunRegistry } from '../run-registry.js';

/**
 * Approvals of writes, mounted at `/api`: `POST /chat/approvals/:id` answers one (the run's owner, or a member
 * of the datasource's approve groups; from any instance), `GET /approvals` lists those the caller may answer.
 */
export function approvalsRouter({ runs }: { runs: RunRegistry }): Router {
  const router = Router();
  router.post('/chat/approvals/:id', async (request, response) => {
    const body = approvalRequestSchema.parse(request.body);
    await runs.answer({ user: actingUser(request), approvalId: request.params.id, approve: body.approve });
    response.status(204).end();
  });
  router.get('/approvals', async (request, response) => {
    const approvals = await runs.pending({ user: actingUser(request) });
    const body: ApprovalsResponse = {
      approvals: approvals.map(
        ({ id, runId, sessionId, owner, datasource, tool, arguments: toolArguments, createdAt }) => ({
          id,
          runId,
          sessionId,
          owner,
          datasource,
          tool,
          arguments: toolArguments,
          createdAt,
        }),
      ),
    };
    response.json(body);
  });
  return router;
}
