// HTTP routes for sign-off: recorded only when the check on the anonymised timeline passes; void after any change.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseParams, errorResponse } from '../schemas/common.js';
import { AppError } from '../errors.js';
import { ALL_AGENCIES } from '../access/agency.js';
import { caseOf, principalOf } from '../plugins/auth.js';
import { checkCaseTimeline } from './case-check.js';
import { notCleanResponse, signOffSchema, signOffStatus } from './redaction-schemas.js';

const signOffRoutes: FastifyPluginAsyncZod = async (app) => {
  const { submissions, people, signOffs } = app.repos;

  app.post('/api/cases/:caseId/sign-off', {
    config: { access: 'signoff:write' },
    schema: {
      tags: ['redaction'],
      operationId: 'signOff',
      summary: 'Sign off the anonymised timeline for publication: recorded only when the check passes (409 with the open findings otherwise)',
      params: caseParams,
      response: { 201: signOffSchema, 403: errorResponse, 404: errorResponse, 409: notCleanResponse },
    },
    handler: async (request, reply) => {
      const c = caseOf(request);
      const p = principalOf(request);
      // the basis first: a change that lands while the check runs leaves this sign-off void, never wrongly holding
      const basis = await signOffs.basis(c.id);
      const check = checkCaseTimeline(c, await submissions.currentEntries(c.id, ALL_AGENCIES), await people.map(c.id), 'chair');
      if (check.result.verdict !== 'pass') {
        const open = check.result.findings.filter((f) => f.decision === null);
        await app.repos.audit.record({ caseId: c.id, tokenId: p.tokenId, role: p.role, action: 'signoff.record', outcome: 'refused', detail: { verdict: check.result.verdict, open: open.length } });
        throw new AppError(409, 'not_clean', `The check says ${check.result.verdict}: ${open.length} finding(s) are open. Settle each (map, decision) and sign off again.`, {
          verdict: check.result.verdict,
          findings: open,
        });
      }
      const signOff = await signOffs.record(c.id, { by: p.tokenId, role: p.role, verdict: 'pass', entries: check.entries, sha256: check.sha256, basis });
      await app.repos.audit.record({ caseId: c.id, tokenId: p.tokenId, role: p.role, action: 'signoff.record', outcome: 'ok', detail: { entries: check.entries } });
      return reply.code(201).send(signOff);
    },
  });

  app.get('/api/cases/:caseId/sign-off', {
    config: { access: 'signoff:read' },
    schema: { tags: ['redaction'], operationId: 'getSignOff', summary: 'The latest sign-off, and whether it still holds (nothing uploaded or changed since)', params: caseParams, response: { 200: signOffStatus, 403: errorResponse, 404: errorResponse } },
    handler: async (request) => signOffs.latest(caseOf(request).id),
  });
};

export default signOffRoutes;
