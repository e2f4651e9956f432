// HTTP routes for the case's pseudonym map (chair and admin only).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { validatePeopleMap } from '../anonymise/people-map.js';
import { PersonInputSchema } from '../anonymise/people-schema.js';
import { caseParams, errorResponse } from '../cases/case-schemas.js';
import { AppError } from '../errors.js';
import { caseOf, principalOf } from '../plugins/auth.js';

const personView = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  role: z.enum(['victim', 'perpetrator', 'child', 'family', 'friend', 'professional', 'other']),
  initials: z.string(),
  pseudonym: z.string().nullable(),
  title: z.string().nullable(),
});

const peopleBody = z.object({ people: z.array(PersonInputSchema).max(500) });
const peopleResponse = z.object({ people: z.array(personView) });

const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { people } = app.repos;

  app.get('/api/cases/:caseId/people', {
    config: { access: 'people:read' },
    schema: { tags: ['people'], summary: "The case's pseudonym map", params: caseParams, response: { 200: peopleResponse, 403: errorResponse, 404: errorResponse } },
    handler: async (request) => ({ people: await people.list(caseOf(request).id) }),
  });

  app.put('/api/cases/:caseId/people', {
    config: { access: 'people:write' },
    schema: {
      tags: ['people'],
      summary: 'Replace the pseudonym map; initials are proposed where absent, collisions refused',
      params: caseParams,
      body: peopleBody,
      response: { 200: peopleResponse, 400: errorResponse, 403: errorResponse, 404: errorResponse, 422: errorResponse },
    },
    handler: async (request) => {
      const c = caseOf(request);
      const p = principalOf(request);
      const result = validatePeopleMap(request.body.people);
      if (!result.ok) {
        await app.repos.audit.record({ caseId: c.id, tokenId: p.tokenId, role: p.role, action: 'people.replace', outcome: 'refused', detail: { reason: result.error } });
        throw new AppError(422, result.error, result.message, { person: result.person, ...(result.suggestion ? { suggestion: result.suggestion } : {}) });
      }
      await people.replace(c.id, result.people);
      await app.repos.audit.record({ caseId: c.id, tokenId: p.tokenId, role: p.role, action: 'people.replace', outcome: 'ok', detail: { people: result.people.length } });
      return { people: result.people };
    },
  });
};

export default peopleRoutes;
