// Tells a client who its token is: role, case, agency (the web page shows this after sign-in).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse } from '../schemas/common.js';
import { principalOf } from '../plugins/auth.js';

const sessionResponse = z.object({
  tokenId: z.string(),
  role: z.enum(['admin', 'chair', 'author', 'reader']),
  caseId: z.string().nullable(),
  agency: z.string().nullable(),
  label: z.string(),
}).meta({ id: 'Session' });

const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/session', {
    config: { access: 'any' },
    schema: { tags: ['tokens'], operationId: 'getSession', summary: 'The role, case and agency of the presented token', response: { 200: sessionResponse, 401: errorResponse } },
    handler: async (request) => {
      const p = principalOf(request);
      return { tokenId: p.tokenId, role: p.role, caseId: p.caseId, agency: p.agency, label: p.label };
    },
  });
};

export default sessionRoutes;
