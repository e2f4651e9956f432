// HTTP routes for the chair's decisions on findings ("not a name", "keep"): honoured by the anonymiser and the check.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseParams, errorResponse } from '../schemas/common.js';
import { caseOf, principalOf } from '../plugins/auth.js';
import { decisionsBody, decisionsResponse } from './redaction-schemas.js';

const decisionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { decisions } = app.repos;

  app.get('/api/cases/:caseId/decisions', {
    config: { access: 'decisions:read' },
    schema: { tags: ['redaction'], operationId: 'getDecisions', summary: "The chair's decisions on findings", params: caseParams, response: { 200: decisionsResponse, 403: errorResponse, 404: errorResponse } },
    handler: async (request) => {
      const list = await decisions.list(caseOf(request).id);
      return { decisions: list.map((d) => ({ text: d.text, decision: d.decision, note: d.note, decidedAt: d.decidedAt })) };
    },
  });

  app.put('/api/cases/:caseId/decisions', {
    config: { access: 'decisions:write' },
    schema: {
      tags: ['redaction'],
      operationId: 'putDecisions',
      summary: 'Replace the decisions: each text is "not-a-name" (an ordinary word) or "keep" (may be published); a sign-off no longer holds',
      params: caseParams,
      body: decisionsBody,
      response: { 200: decisionsResponse, 400: errorResponse, 403: errorResponse, 404: errorResponse },
    },
    handler: async (request) => {
      const c = caseOf(request);
      const p = principalOf(request);
      const stored = await decisions.replace(
        c.id,
        request.body.decisions.map((d) => ({ text: d.text, decision: d.decision, note: d.note ?? null })),
        p.tokenId,
      );
      const count = (kind: string): number => stored.filter((d) => d.decision === kind).length;
      await app.repos.audit.record({
        caseId: c.id, tokenId: p.tokenId, role: p.role, action: 'decisions.replace', outcome: 'ok',
        detail: { decisions: stored.length, notAName: count('not-a-name'), keep: count('keep') },
      });
      return { decisions: stored.map((d) => ({ text: d.text, decision: d.decision, note: d.note, decidedAt: d.decidedAt })) };
    },
  });
};

export default decisionsRoutes;
