// HTTP routes for agency chronologies: upload (file or JSON, dry run) and the list of submissions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseParams, errorResponse } from '../schemas/common.js';
import { badRequest } from '../errors.js';
import { scopeOf } from '../plugins/auth.js';
import { readFileUpload } from './read-upload-request.js';
import { jsonUploadBody, rowErrorsResponse, submissionsResponse, uploadQuery, uploadResponse } from './submission-schemas.js';
import { EntryStream } from '../ingest/entry-stream.js';
import { ingestJson } from '../ingest/ingest.js';
import { handleUpload, type Upload, type UploadDeps } from './upload-service.js';

const submissionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { submissions } = app.repos;
  const uploadDeps: UploadDeps = {
    submissions,
    audit: app.repos.audit,
    read: (upload, options) => (upload.kind === 'file' ? app.ingest.start(upload.bytes, upload.fileName, options) : EntryStream.of(ingestJson(upload.entries, options))),
    limits: app.ingestLimits,
  };

  app.post('/api/cases/:caseId/chronologies', {
    config: { access: 'chronology:upload' },
    bodyLimit: app.ingestLimits.maxFileBytes,
    schema: {
      tags: ['chronologies'],
      operationId: 'uploadChronology',
      summary: "Upload an agency's chronology (multipart agency + file, or JSON); all-or-nothing",
      params: caseParams,
      querystring: uploadQuery,
      body: jsonUploadBody,
      multipart: {
        description: 'A field "agency", then one part "file" (.xlsx, .xls, .ods, .csv or .docx)',
        properties: { agency: { type: 'string', minLength: 1, maxLength: 200 }, file: { type: 'string', format: 'binary' } },
        required: ['agency', 'file'],
      },
      response: {
        200: uploadResponse,
        201: uploadResponse,
        400: errorResponse,
        403: errorResponse,
        404: errorResponse,
        409: errorResponse,
        413: errorResponse,
        415: errorResponse,
        422: rowErrorsResponse,
      },
    },
    handler: async (request, reply) => {
      let upload: Upload;
      if (request.isMultipart()) {
        upload = await readFileUpload(request);
      } else if (request.body) {
        upload = { kind: 'json', agency: request.body.agency, entries: request.body.entries };
      } else {
        throw badRequest('Send multipart/form-data (agency + file) or JSON { agency, entries }.');
      }
      const result = await handleUpload(uploadDeps, scopeOf(request), upload, request.query.dryRun);
      return reply.status(result.status).send(result.body);
    },
  });

  app.get('/api/cases/:caseId/chronologies', {
    config: { access: 'chronology:list' },
    schema: {
      tags: ['chronologies'],
      operationId: 'listChronologies',
      summary: 'Submissions and their versions (authors see their own agency only)',
      params: caseParams,
      response: { 200: submissionsResponse, 404: errorResponse },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      const list = scope.submissions ? await submissions.list(scope.case.id, scope.submissions) : [];
      return {
        submissions: list.map((s) => ({
          id: s.id,
          agency: s.agency,
          version: s.version,
          current: s.current,
          entries: s.entries,
          fileName: s.fileName,
          sha256: s.sha256,
          uploadedAt: s.uploadedAt,
        })),
      };
    },
  });
};

export default submissionsRoutes;
