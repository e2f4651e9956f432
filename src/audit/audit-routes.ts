// HTTP route for a case's audit trail (chair and admin), paged and filterable by action.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseParams, errorResponse } from '../schemas/common.js';
import { caseOf } from '../plugins/auth.js';

const auditQuery = z.object({
  action: z.string().min(1).max(64).optional(),
  after: z.coerce.number().int().min(0).optional().describe('Return events after this sequence number (paging)'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const auditResponse = z.object({
  events: z.array(
    z.object({
      seq: z.number().int(),
      at: z.string(),
      actor: z.object({ tokenId: z.string().nullable(), role: z.string().nullable() }),
      action: z.string(),
      outcome: z.string(),
      detail: z.record(z.string(), z.unknown()),
    }).meta({ id: 'AuditEvent' }),
  ),
  next: z.number().int().nullable(),
}).meta({ id: 'AuditTrail' });

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/cases/:caseId/audit', {
    config: { access: 'audit:read' },
    schema: { tags: ['audit'], operationId: 'getAudit', summary: "The case's audit trail", params: caseParams, querystring: auditQuery, response: { 200: auditResponse, 404: errorResponse } },
    handler: async (request) => {
      const { action, after, limit } = request.query;
      const events = await app.repos.audit.list(caseOf(request).id, { limit, ...(action ? { action } : {}), ...(after !== undefined ? { after } : {}) });
      const last = events.at(-1);
      return { events, next: events.length === limit && last ? last.seq : null };
    },
  });
};

export default auditRoutes;
