// Builds the fastify app from a config: plugins, routes, one error handler. Never listens.
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import casesRoutes from './cases/cases-routes.js';
import { scheduleRetention } from './cases/retention.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { RateCounters } from './db/rate-counters.js';
import { errorHandler } from './errors.js';
import healthRoutes from './health-routes.js';
import { createLogger } from './logger.js';
import accessRulesPlugin from './plugins/access-rules.js';
import authPlugin from './plugins/auth.js';
import hardeningPlugin from './plugins/hardening.js';
import openapiPlugin from './plugins/openapi.js';
import repositoriesPlugin from './plugins/repositories.js';
import uploadsPlugin from './plugins/uploads.js';
import exportsPlugin from './plugins/exports.js';
import webUiPlugin from './plugins/web-ui.js';
import submissionsRoutes from './submissions/submissions-routes.js';
import timelineRoutes from './timeline/timeline-routes.js';
import mergeRoutes from './timeline/merge-routes.js';
import analysisRoutes from './analysis/analysis-routes.js';
import peopleRoutes from './people/people-routes.js';
import tokensRoutes from './tokens/tokens-routes.js';
import auditRoutes from './audit/audit-routes.js';
import sessionRoutes from './auth/session-routes.js';
import templateRoutes from './templates/template-routes.js';
import redactionRoutes from './redaction/redaction-routes.js';
import decisionsRoutes from './redaction/decisions-routes.js';
import signOffRoutes from './redaction/sign-off-routes.js';

export interface BuildOptions {
  /** An already-open database (tests share one); otherwise one is opened from the config. */
  database?: Database;
  /** Where logs go (tests capture them); stdout otherwise. */
  logStream?: DestinationStream;
  /** Requests per minute per address on /api (600). */
  requestsPerMinute?: number;
  /** Failed sign-ins per minute per address before it must wait (10). */
  authFailuresPerMinute?: number;
  /** A request must be complete within this (120 s); a client that stalls mid-upload is cut off. */
  requestTimeoutMs?: number;
  /** An idle or silent connection is closed after this (130 s). */
  connectionTimeoutMs?: number;
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const database =
    opts.database ??
    (await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, pgSchema: config.pgSchema }));
  const app = Fastify({
    loggerInstance: createLogger(config.logLevel, opts.logStream),
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    requestTimeout: opts.requestTimeoutMs ?? 120_000,
    connectionTimeout: opts.connectionTimeoutMs ?? 130_000,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: 'not_found', message: 'No such route.', requestId: String(request.id) });
  });

  await app.register(accessRulesPlugin);
  // Instances on one PostgreSQL share their request and failed sign-in counts through it; SQLite counts in memory.
  const shared = database.dialect === 'postgres' ? new RateCounters(database.db) : undefined;
  await app.register(repositoriesPlugin, { database });
  await app.register(hardeningPlugin, { requestsPerMinute: opts.requestsPerMinute ?? 600, shared });
  await app.register(openapiPlugin);
  await app.register(authPlugin, { failuresPerMinute: opts.authFailuresPerMinute ?? 10, shared });
  await app.register(healthRoutes);
  await app.register(uploadsPlugin, { maxUploadBytes: config.maxUploadBytes });
  await app.register(exportsPlugin, { idleSeconds: config.exportIdleSeconds });
  await app.register(casesRoutes);
  await app.register(submissionsRoutes);
  await app.register(timelineRoutes);
  await app.register(mergeRoutes);
  await app.register(analysisRoutes);
  await app.register(peopleRoutes);
  await app.register(tokensRoutes);
  await app.register(auditRoutes);
  await app.register(sessionRoutes);
  await app.register(templateRoutes);
  await app.register(redactionRoutes);
  await app.register(decisionsRoutes);
  await app.register(signOffRoutes);
  await app.register(webUiPlugin);

  if (config.retentionDays) scheduleRetention(app, config.retentionDays);
  if (!opts.database) app.addHook('onClose', async () => database.close());
  return app;
}
