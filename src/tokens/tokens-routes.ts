// HTTP routes for bearer tokens: who may issue, list and revoke which is the access module's token rules.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AccessDenied, NotVisible } from '../access/access-errors.js';
import { canSeeTokenOf, mayManageToken, tokenListScope } from '../access/token-rules.js';
import { errorResponse } from '../schemas/common.js';
import { principalOf } from '../plugins/auth.js';
import { createTokenBody, createdToken, tokenList, tokenParams } from './token-schemas.js';

const tokensRoutes: FastifyPluginAsyncZod = async (app) => {
  const { tokens, cases, audit } = app.repos;

  app.post('/api/tokens', {
    config: { access: 'any' },
    schema: {
      tags: ['tokens'],
      operationId: 'createToken',
      summary: 'Issue a token (the secret is shown once)',
      body: createTokenBody,
      response: { 201: createdToken, 400: errorResponse, 403: errorResponse, 404: errorResponse },
    },
    handler: async (request, reply) => {
      const p = principalOf(request);
      const body = request.body;
      const caseId = body.caseId ?? null;
      if (caseId && (!canSeeTokenOf(p, caseId) || !(await cases.get(caseId)))) throw new NotVisible();
      if (!mayManageToken(p, { role: body.role, caseId })) {
        await audit.record({ caseId: p.caseId, tokenId: p.tokenId, role: p.role, action: 'token.create', outcome: 'refused', detail: { role: body.role } });
        throw new AccessDenied('Your token may not issue this kind of token.');
      }
      const { record, secret } = await tokens.create({
        role: body.role,
        caseId,
        agency: body.agency ?? null,
        label: body.label,
        createdBy: p.tokenId,
        expiresAt: body.expiresAt ?? null,
      });
      await audit.record({ caseId, tokenId: p.tokenId, role: p.role, action: 'token.create', outcome: 'ok', detail: { newTokenId: record.id, role: record.role } });
      return reply.status(201).send({ ...record, token: secret });
    },
  });

  app.get('/api/tokens', {
    config: { access: 'any' },
    schema: { tags: ['tokens'], operationId: 'listTokens', summary: 'Tokens this token may manage (no secrets)', response: { 200: tokenList, 403: errorResponse } },
    handler: async (request) => {
      const p = principalOf(request);
      const scope = tokenListScope(p);
      if (!scope) throw new AccessDenied('Only administrators and chairs manage tokens.');
      const listed = await tokens.list(scope.all ? {} : { caseId: scope.caseId });
      return { tokens: listed.filter((t) => mayManageToken(p, t)) };
    },
  });

  app.delete('/api/tokens/:id', {
    config: { access: 'any' },
    schema: { tags: ['tokens'], operationId: 'revokeToken', summary: 'Revoke a token', params: tokenParams, response: { 204: z.null(), 403: errorResponse, 404: errorResponse } },
    handler: async (request, reply) => {
      const p = principalOf(request);
      const target = await tokens.get(request.params.id);
      if (!target || !canSeeTokenOf(p, target.caseId)) throw new NotVisible('No such token.');
      if (!mayManageToken(p, target)) {
        await audit.record({ caseId: target.caseId, tokenId: p.tokenId, role: p.role, action: 'token.revoke', outcome: 'refused' });
        throw new AccessDenied('Your token may not revoke this token.');
      }
      await tokens.delete(target.id);
      await audit.record({ caseId: target.caseId, tokenId: p.tokenId, role: p.role, action: 'token.revoke', outcome: 'ok', detail: { revokedTokenId: target.id } });
      return reply.status(204).send(null);
    },
  });
};

export default tokensRoutes;
