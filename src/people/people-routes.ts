// HTTP routes for the case's map: people and protected terms (chair and admin only).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cleanTerms, validatePeopleMap } from '../anonymise/people-map.js';
import { PeopleBodySchema, PERSON_ROLES } from '../anonymise/people-schema.js';
import { caseParams, errorResponse } from '../schemas/common.js';
import { AppError } from '../errors.js';
import { caseOf, principalOf } from '../plugins/auth.js';

const personView = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  role: z.enum(PERSON_ROLES),
  initials: z.string(),
  pseudonym: z.string().nullable(),
  title: z.string().nullable(),
}).meta({ id: 'Person' });
const termView = z.object({ text: z.string(), aliases: z.array(z.string()), label: z.string() }).meta({ id: 'ProtectedTerm' });
const mapResponse = z.object({ people: z.array(personView), terms: z.array(termView) }).meta({ id: 'PeopleMap' });

const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { people } = app.repos;

  app.get('/api/cases/:caseId/people', {
    config: { access: 'people:read' },
    schema: { tags: ['people'], operationId: 'getPeople', summary: "The case's map: people and protected terms", params: caseParams, response: { 200: mapResponse, 403: errorResponse, 404: errorResponse } },
    handler: async (request) => {
      const id = caseOf(request).id;
      return { people: await people.list(id), terms: await people.terms(id) };
    },
  });

  app.put('/api/cases/:caseId/people', {
    config: { access: 'people:write' },
    schema: {
      tags: ['people'],
      operationId: 'putPeople',
      summary: 'Replace the map (people, and protected terms when given); initials are proposed where absent, collisions refused',
      params: caseParams,
      body: PeopleBodySchema,
      response: { 200: mapResponse, 400: errorResponse, 403: errorResponse, 404: errorResponse, 422: errorResponse },
    },
    handler: async (request) => {
      const c = caseOf(request);
      const p = principalOf(request);
      const result = validatePeopleMap(request.body.people);
      if (!result.ok) {
        await app.repos.audit.record({ caseId: c.id, tokenId: p.tokenId, role: p.role, action: 'people.replace', outcome: 'refused', detail: { reason: result.error } });
        throw new AppError(422, result.error, result.message, { person: result.person, ...(result.suggestion ? { suggestion: result.suggestion } : {}) });
      }
      // terms left out keep the ones stored: a script that only sends people does not wipe them
      const terms = request.body.terms ? cleanTerms(request.body.terms) : await people.terms(c.id);
      await people.replace(c.id, result.people, terms);
      await app.repos.audit.record({
        caseId: c.id, tokenId: p.tokenId, role: p.role, action: 'people.replace', outcome: 'ok', detail: { people: result.people.length, terms: terms.length },
      });
      return { people: result.people, terms };
    },
  });
};

export default peopleRoutes;
