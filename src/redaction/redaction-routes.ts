// HTTP routes for the redaction check: the case's anonymised timeline or a draft report, and a stateless variant.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { checkRedaction } from './redaction-check.js';
import { validatePeopleMap } from '../anonymise/people-map.js';
import { mapOfPeople, type Person } from '../anonymise/types.js';
import { caseParams, errorResponse } from '../schemas/common.js';
import { AppError, badRequest } from '../errors.js';
import { may, viewFor } from '../access/scope.js';
import { scopeOf } from '../plugins/auth.js';
import { checkCaseTimeline } from './case-check.js';
import { docxSegments } from './docx-parts.js';
import { caseCheckBody, redactionResponse, statelessCheckBody } from './redaction-schemas.js';
import { paragraphSegments, type Segment } from './segments.js';

const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

async function uploadedDocument(request: FastifyRequest): Promise<Segment[]> {
  const file = await request.file({ limits: { files: 1, fileSize: MAX_DOCUMENT_BYTES } });
  if (!file || file.fieldname !== 'file') throw badRequest('Attach the document in a part named "file" (.txt or .docx).');
  const bytes = await file.toBuffer();
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return docxSegments(bytes);
  if (bytes.includes(0)) throw new AppError(415, 'unsupported_format', 'Send the draft as .docx (Word Document) or plain text (.txt).', { format: 'binary' });
  return paragraphSegments(bytes.toString('utf8').split(/\r?\n\s*\r?\n/));
}

function peopleOrThrow(input: Parameters<typeof validatePeopleMap>[0]): Person[] {
  const map = validatePeopleMap(input);
  if (!map.ok) throw new AppError(422, map.error, map.message, { person: map.person });
  return map.people;
}

const redactionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { submissions, people } = app.repos;

  app.post('/api/cases/:caseId/redaction-check', {
    config: { access: 'redaction:check' },
    bodyLimit: 6 * 1024 * 1024,
    schema: {
      tags: ['redaction'],
      operationId: 'checkCaseRedaction',
      summary: 'Check the anonymised timeline (no body), a draft text, or a .txt/.docx report for names and identifiers',
      params: caseParams,
      body: caseCheckBody,
      multipart: {
        description: 'A draft report in one part "file" (.txt or .docx)',
        optional: true,
        properties: { file: { type: 'string', format: 'binary' } },
        required: ['file'],
      },
      response: { 200: redactionResponse, 400: errorResponse, 403: errorResponse, 404: errorResponse, 413: errorResponse, 415: errorResponse },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      const { principal: p, case: c } = scope;
      const map = await people.map(c.id);
      // only those who may read the map learn from a finding whether a name is in it
      const audience = may(scope, 'people:read') ? 'chair' : 'reader';
      let source: 'timeline' | 'text' | 'file';
      let result;
      let segmentCount: number;
      if (request.isMultipart() || request.body?.text) {
        source = request.isMultipart() ? 'file' : 'text';
        const segments = request.isMultipart() ? await uploadedDocument(request) : paragraphSegments((request.body?.text ?? '').split(/\r?\n\s*\r?\n/));
        result = checkRedaction(segments, map, { audience });
        segmentCount = segments.length;
      } else {
        source = 'timeline';
        const view = viewFor(scope, 'initials');
        const check = checkCaseTimeline(c, await submissions.currentEntries(c.id, view.agencies), map, audience);
        result = check.result;
        segmentCount = check.segments;
      }
      await app.repos.audit.record({
        caseId: c.id, tokenId: p.tokenId, role: p.role, action: 'redaction.check', outcome: 'ok',
        detail: { source, verdict: result.verdict, findings: result.findings.length },
      });
      return { ...result, checked: { source, segments: segmentCount } };
    },
  });

  app.post('/api/redaction-check', {
    config: { access: 'any' },
    bodyLimit: 6 * 1024 * 1024,
    schema: {
      tags: ['redaction'],
      operationId: 'checkRedaction',
      summary: 'Check a text against an optional pseudonym map; nothing is stored',
      body: statelessCheckBody,
      response: { 200: redactionResponse, 400: errorResponse, 422: errorResponse },
    },
    handler: async (request) => {
      const map = mapOfPeople(request.body.people ? peopleOrThrow(request.body.people) : []);
      const segments = paragraphSegments(request.body.text.split(/\r?\n\s*\r?\n/));
      return { ...checkRedaction(segments, map), checked: { source: 'text' as const, segments: segments.length } };
    },
  });
};

export default redactionRoutes;
