// The stateless merge: several agencies' files in, one merged (anonymised by default) timeline out, nothing stored.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse } from '../schemas/common.js';
import type { StoredEntry } from '../chronology/types.js';
import { DomainError } from '../domain-error.js';
import { AppError, DOMAIN_STATUS, badRequest } from '../errors.js';
import { sha256Hex } from '../ids.js';
import { principalOf } from '../plugins/auth.js';
import { readMultipartPairs } from '../submissions/read-upload-request.js';
import { parsePeopleField } from './people-field.js';
import { attachmentName, renderTimeline } from './render-timeline.js';
import { formatEnum, namesEnum, timelineResponse } from './timeline-schemas.js';
import { composeTimeline } from './timeline-service.js';
import { mapOfPeople } from '../anonymise/types.js';

const MAX_FILES = 30;

const mergeQuery = z.object({ format: formatEnum.default('json'), names: namesEnum.default('initials') });

const mergeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/merge', {
    config: { access: 'any' },
    bodyLimit: app.ingestLimits.maxFileBytes * 4,
    schema: {
      tags: ['timeline'],
      operationId: 'mergeFiles',
      summary: 'Merge files without storing anything: multipart (agency, file) pairs and an optional people field',
      querystring: mergeQuery,
      multipart: {
        description: `Up to ${MAX_FILES} pairs, in order: a field "agency", then that agency's part "file"; optionally a field "people", a JSON array of people as PUT …/people takes`,
        properties: {
          agency: { type: 'array', items: { type: 'string', maxLength: 200 } },
          file: { type: 'array', items: { type: 'string', format: 'binary' } },
          people: { type: 'string', description: 'A JSON array: [{ name, aliases?, role, initials?, pseudonym? }]' },
        },
        required: ['agency', 'file'],
      },
      response: { 200: timelineResponse, 400: errorResponse, 413: errorResponse, 415: errorResponse, 422: errorResponse },
    },
    handler: async (request, reply) => {
      if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Send multipart/form-data with (agency, file) pairs.');
      const { pairs, fields } = await readMultipartPairs(request, MAX_FILES, ['people']);
      if (pairs.length === 0) throw badRequest('Send at least one (agency, file) pair.');
      const people = parsePeopleField(fields.get('people'));
      const outcomes = await Promise.all(pairs.map((p) => app.ingest.run(p.bytes, p.fileName, { limits: app.ingestLimits })));
      const failures = outcomes.flatMap((o, i) => (o.ok ? [] : [{ file: i + 1, agency: pairs[i]?.agency ?? '', ...o.failure }]));
      if (failures.length > 0) {
        // The answer takes the gravest file's kind; each file's own status is listed with it.
        const worst = failures.reduce((a, b) => (DOMAIN_STATUS[b.kind] > DOMAIN_STATUS[a.kind] ? b : a));
        const files = failures.map((f) => ({ file: f.file, agency: f.agency, status: DOMAIN_STATUS[f.kind], error: f.code, message: f.message, ...f.details }));
        const code = failures.length === 1 ? worst.code : 'invalid_chronology';
        throw new DomainError(worst.kind, code, `${failures.length} of ${pairs.length} files could not be merged; nothing was stored.`, { files });
      }
      const stored: StoredEntry[] = outcomes.flatMap((o, i) => {
        if (!o.ok) return [];
        const pair = pairs[i];
        const submissionId = `file-${i + 1}`;
        return o.entries.map((e) => ({
          ...e,
          id: sha256Hex(`${submissionId}:${pair?.agency}:${e.sheet}:${e.row}`).slice(0, 22),
          submissionId,
          submissionAgency: pair?.agency ?? '',
        }));
      });
      const { format, names } = request.query;
      const built = composeTimeline(stored, mapOfPeople(people), { names }, undefined);
      const rendered = await renderTimeline(
        format,
        built.entries,
        {
          caseTitle: 'Merged chronology',
          submissions: pairs.map((p, i) => ({ agency: p.agency, version: 1, entries: outcomes[i]?.ok ? (outcomes[i]?.entries.length ?? 0) : 0, uploadedAt: new Date().toISOString() })),
          generatedAt: new Date(),
          namesMode: names,
        },
        { head: { case: { id: null, title: 'Merged chronology', reviewPeriod: null }, names }, tail: { report: { ...built.report, total: built.entries.length } } },
      );
      const p = principalOf(request);
      request.log.info({ tokenId: p.tokenId, files: pairs.length, entries: built.entries.length, format, names }, 'stateless merge');
      void reply.header('content-type', rendered.contentType);
      if (format !== 'json') void reply.header('content-disposition', `attachment; filename="${attachmentName('merged', rendered.extension)}"`);
      return reply.send(rendered.body as never);
    },
  });
};

export default mergeRoutes;
