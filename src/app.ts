// Builds the fastify app from a config: plugins, routes, one error handler. Never listens.
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import casesRoutes from './cases/cases-routes.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { errorHandler } from './errors.js';
import healthRoutes from './health-routes.js';
import { createLogger } from './logger.js';
import authPlugin from './plugins/auth.js';
import openapiPlugin from './plugins/openapi.js';
import repositoriesPlugin from './plugins/repositories.js';

export interface BuildOptions {
  /** An already-open database (tests share one); otherwise one is opened from the config. */
  database?: Database;
  /** Where logs go (tests capture them); stdout otherwise. */
  logStream?: DestinationStream;
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
    requestTimeout: 120_000,
    connectionTimeout: 130_000,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: 'not_found', message: 'No such route.', requestId: String(request.id) });
  });

  await app.register(repositoriesPlugin, { database });
  await app.register(openapiPlugin);
  await app.register(authPlugin);
  await app.register(healthRoutes);
  await app.register(casesRoutes);

  if (!opts.database) app.addHook('onClose', async () => database.close());
  return app;
}
