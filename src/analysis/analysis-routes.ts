// HTTP routes for what the panel looks for: the contacts analysis and what a re-upload changed. Thin: scope in, service out.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseParams, errorResponse } from '../cases/case-schemas.js';
import { scopeOf } from '../plugins/auth.js';
import { analysisQuery, analysisResponse, diffQuery, diffResponse } from './analysis-schemas.js';
import { caseAnalysis, type AnalysisSources } from './analysis-service.js';
import { versionDiffFor, type DiffSources } from './diff-service.js';

const analysisRoutes: FastifyPluginAsyncZod = async (app) => {
  const { submissions, people, audit } = app.repos;
  const analysisSources: AnalysisSources = { entries: (caseId, agencies) => submissions.currentEntries(caseId, agencies) };
  const diffSources: DiffSources = {
    list: (caseId, agencies) => submissions.list(caseId, agencies),
    entriesOf: (caseId, submissionId) => submissions.entriesOf(caseId, submissionId),
    map: (caseId) => people.map(caseId),
  };

  app.get('/api/cases/:caseId/analysis', {
    config: { access: 'analysis:read' },
    schema: {
      tags: ['timeline'],
      summary: 'Contacts and victim-seen counts per agency and month, gaps with no contact, first and last contact per agency',
      params: caseParams,
      querystring: analysisQuery,
      response: { 200: analysisResponse, 400: errorResponse, 403: errorResponse, 404: errorResponse },
    },
    handler: async (request) => caseAnalysis(analysisSources, scopeOf(request), request.query),
  });

  app.get('/api/cases/:caseId/chronologies/diff', {
    config: { access: 'chronology:diff' },
    schema: {
      tags: ['chronologies'],
      summary: "What changed between two versions of one agency's chronology: added, removed and changed entries",
      params: caseParams,
      querystring: diffQuery,
      response: { 200: diffResponse, 400: errorResponse, 403: errorResponse, 404: errorResponse },
    },
    handler: async (request) => {
      const scope = scopeOf(request);
      const diff = await versionDiffFor(diffSources, scope, request.query);
      await audit.record({
        caseId: scope.case.id,
        tokenId: scope.principal.tokenId,
        role: scope.principal.role,
        action: 'chronology.diff',
        outcome: 'ok',
        detail: { names: diff.names, from: diff.from?.version ?? null, to: diff.to.version },
      });
      return diff;
    },
  });
};

export default analysisRoutes;
