// HTTP routes for cases: create, list, read, update, purge. Thin: validation by schema, rules by access.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { visibleCases } from '../access/roles.js';
import { caseOf, principalOf } from '../plugins/auth.js';
import type { CaseRecord } from './cases-repository.js';
import { caseParams, errorResponse } from '../schemas/common.js';
import { caseListResponse, caseResponse, createCaseBody, patchCaseBody } from './case-schemas.js';

const view = (c: CaseRecord): z.infer<typeof caseResponse> => ({
  id: c.id,
  title: c.title,
  reviewPeriod: c.reviewPeriod,
  status: c.status,
  authorsSeeMergedTimeline: c.authorsSeeMergedTimeline,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { cases, audit } = app.repos;

  app.post('/api/cases', {
    config: { access: 'admin' },
    schema: { tags: ['cases'], operationId: 'createCase', summary: 'Open a case', body: createCaseBody, response: { 201: caseResponse, 400: errorResponse } },
    handler: async (request, reply) => {
      const created = await cases.create(request.body);
      const p = principalOf(request);
      await audit.record({ caseId: created.id, tokenId: p.tokenId, role: p.role, action: 'case.create', outcome: 'ok' });
      return reply.status(201).send(view(created));
    },
  });

  app.get('/api/cases', {
    config: { access: 'any' },
    schema: { tags: ['cases'], operationId: 'listCases', summary: 'Cases this token may see', response: { 200: caseListResponse } },
    handler: async (request) => {
      const list = await cases.list(visibleCases(principalOf(request)));
      return { cases: list.map(view) };
    },
  });

  app.get('/api/cases/:caseId', {
    config: { access: 'case:read' },
    schema: { tags: ['cases'], operationId: 'getCase', summary: 'One case', params: caseParams, response: { 200: caseResponse, 404: errorResponse } },
    handler: async (request) => view(caseOf(request)),
  });

  app.patch('/api/cases/:caseId', {
    config: { access: 'case:update' },
    schema: {
      tags: ['cases'],
      operationId: 'updateCase',
      summary: 'Change title, review period, author access to the merged timeline, or status',
      params: caseParams,
      body: patchCaseBody,
      response: { 200: caseResponse, 400: errorResponse, 404: errorResponse },
    },
    handler: async (request) => {
      const c = caseOf(request);
      const updated = await cases.update(c.id, request.body);
      const p = principalOf(request);
      await audit.record({
        caseId: c.id,
        tokenId: p.tokenId,
        role: p.role,
        action: 'case.update',
        outcome: 'ok',
        detail: { fields: Object.keys(request.body).join(',') },
      });
      return view(updated ?? c);
    },
  });

  app.delete('/api/cases/:caseId', {
    config: { access: 'case:delete' },
    schema: { tags: ['cases'], operationId: 'deleteCase', summary: 'Purge the case and everything of it', params: caseParams, response: { 204: z.null(), 404: errorResponse } },
    handler: async (request, reply) => {
      const c = caseOf(request);
      const p = principalOf(request);
      await cases.purge(c.id);
      await app.database.compact();
      await audit.record({ caseId: null, tokenId: p.tokenId, role: p.role, action: 'case.purge', outcome: 'ok', detail: { caseId: c.id } });
      return reply.status(204).send(null);
    },
  });
};

export default casesRoutes;
