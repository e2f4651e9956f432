// HTTP route for the merged timeline of a case, in JSON, CSV, XLSX, DOCX or PDF, written by an export worker.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseParams, errorResponse } from '../schemas/common.js';
import { may, viewFor } from '../access/scope.js';
import { scopeOf } from '../plugins/auth.js';
import { attachmentName } from './render-timeline.js';
import { FORMAT_TYPES, timelineQuery, timelineResponse } from './timeline-schemas.js';
import { timelineJob } from './timeline-job.js';
import { visibleSubmissions } from './timeline-service.js';

const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  const { submissions } = app.repos;
  const { people } = app.repos;

  app.get('/api/cases/:caseId/timeline', {
    config: { access: 'timeline:read' },
    schema: {
      tags: ['timeline'],
      operationId: 'getTimeline',
      summary: 'The merged timeline (anonymised by default) as JSON, CSV, XLSX, DOCX or PDF',
      params: caseParams,
      querystring: timelineQuery,
      response: { 200: timelineResponse, 400: errorResponse, 403: errorResponse, 404: errorResponse },
    },
    handler: async (request, reply) => {
      const scope = scopeOf(request);
      const { principal: p, case: c } = scope;
      const { format, ...query } = request.query;
      const audit = (outcome: 'ok' | 'refused') =>
        app.repos.audit.record({ caseId: c.id, tokenId: p.tokenId, role: p.role, action: 'timeline.export', outcome, detail: { format, names: query.names } });
      let view;
      try {
        view = viewFor(scope, query.names);
      } catch (err) {
        await audit('refused');
        throw err;
      }
      const job = timelineJob(view, c, await people.map(c.id), query);
      const subs = visibleSubmissions(view, await submissions.list(c.id, view.agencies)).filter((s) => s.current);
      const signOff = may(scope, 'signoff:read') ? await app.repos.signOffs.standing(c.id) : undefined;
      // Read, merged, anonymised and written in an export worker on its own store connection; here only bytes move.
      const body = app.exports.start({
        store: app.database.locator,
        format,
        job,
        ctx: {
          caseTitle: c.title,
          reviewPeriod: c.reviewPeriod,
          window: { from: query.from, to: query.to },
          submissions: subs.map((s) => ({ agency: s.agency, version: s.version, entries: s.entries, uploadedAt: s.uploadedAt })),
          generatedAt: new Date(),
          namesMode: query.names,
          signOff: signOff === undefined ? { state: 'not-shown' } : signOff ? { state: signOff.holds ? 'holds' : 'void', at: signOff.at, role: signOff.role } : { state: 'none' },
        },
        jsonHead: { case: { id: c.id, title: c.title, reviewPeriod: c.reviewPeriod }, names: query.names },
      });
      await audit('ok');
      void reply.header('content-type', FORMAT_TYPES[format]);
      if (format !== 'json') {
        void reply.header('content-disposition', `attachment; filename="${attachmentName(c.title, format)}"`);
      }
      // Streams and buffers are sent as they are (fastify skips serialisation for them); the 200
      // schema documents the JSON shape for the contract, the cast tells the type provider so.
      return reply.send(body as never);
    },
  });
};

export default timelineRoutes;
