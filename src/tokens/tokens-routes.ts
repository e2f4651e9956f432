// HTTP routes for bearer tokens: admins manage all; a chair manages author and reader tokens of its case.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayManageToken } from '../auth/policy.js';
import { errorResponse } from '../cases/case-schemas.js';
import { forbidden, notFound } from '../errors.js';
import { principalOf } from '../plugins/auth.js';
import { createTokenBody, createdToken, tokenList, tokenParams } from './token-schemas.js';

const tokensRoutes: FastifyPluginAsyncZod = async (app) => {
  const { tokens, cases, audit } = app.repos;

  app.post('/api/tokens', {
    config: { access: 'any' },
    schema: {
      tags: ['tokens'],
      summary: 'Issue a token (the secret is shown once)',
      body: createTokenBody,
      response: { 201: createdToken, 400: errorResponse, 403: errorResponse, 404: errorResponse },
    },
    handler: async (request, reply) => {
      const p = principalOf(request);
      const body = request.body;
      const caseId = body.caseId ?? null;
      if (caseId && (p.role !== 'admin' && p.caseId !== caseId)) throw notFound('No such case.');
      if (caseId && !(await cases.get(caseId))) throw notFound('No such case.');
      if (!mayManageToken(p, { role: body.role, caseId })) {
        await audit.record({ caseId: p.caseId, tokenId: p.tokenId, role: p.role, action: 'token.create', outcome: 'refused', detail: { role: body.role } });
        throw forbidden('Your token may not issue this kind of token.');
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
    schema: { tags: ['tokens'], summary: 'Tokens this token may manage (no secrets)', response: { 200: tokenList, 403: errorResponse } },
    handler: async (request) => {
      const p = principalOf(request);
      if (p.role === 'admin') return { tokens: await tokens.list() };
      if (p.role !== 'chair' || !p.caseId) throw forbidden('Only administrators and chairs manage tokens.');
      const mine = await tokens.list({ caseId: p.caseId });
      return { tokens: mine.filter((t) => mayManageToken(p, t)) };
    },
  });

  app.delete('/api/tokens/:id', {
    config: { access: 'any' },
    schema: { tags: ['tokens'], summary: 'Revoke a token', params: tokenParams, response: { 204: z.null(), 403: errorResponse, 404: errorResponse } },
    handler: async (request, reply) => {
      const p = principalOf(request);
      const target = await tokens.get(request.params.id);
      if (!target || (p.role !== 'admin' && target.caseId !== p.caseId)) throw notFound('No such token.');
      if (!mayManageToken(p, target)) {
        await audit.record({ caseId: target.caseId, tokenId: p.tokenId, role: p.role, action: 'token.revoke', outcome: 'refused' });
        throw forbidden('Your token may not revoke this token.');
      }
      await tokens.delete(target.id);
      await audit.record({ caseId: target.caseId, tokenId: p.tokenId, role: p.role, action: 'token.revoke', outcome: 'ok', detail: { revokedTokenId: target.id } });
      return reply.status(204).send(null);
    },
  });
};

export default tokensRoutes;
