// Security headers (helmet, strict CSP) and request rate limits for every /api route.
import helmet from '@fastify/helmet';
import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { RateCounters } from '../db/rate-counters.js';
import { AppError } from '../errors.js';

export interface HardeningOptions {
  /** Requests per minute per client address on /api (default 600). */
  requestsPerMinute: number;
  /** Counts kept in the store (PostgreSQL: instances share the limit); in memory when absent. */
  shared?: RateCounters | undefined;
}

/** @fastify/rate-limit's store interface over the shared counters: each /api request is one upsert. */
function sharedStore(counters: RateCounters): FastifyRateLimitStoreCtor {
  return class SharedStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      counters.hit(`request:${key}`, timeWindow).then(
        (r) => callback(null, { current: r.count, ttl: r.ttlMs }),
        (err: unknown) => callback(err instanceof Error ? err : new Error('rate counter failed')),
      );
    }
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

const PRUNE_EVERY_MS = 60_000;

export default fp(
  async function hardeningPlugin(app: FastifyInstance, opts: HardeningOptions) {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    });
    // Compressed request bodies are refused rather than inflated: a small gzip can hide a huge body.
    app.addHook('onRequest', async (request, reply) => {
      const encoding = request.headers['content-encoding'];
      if (encoding && encoding.toLowerCase() !== 'identity') {
        await reply.status(415).send({
          error: 'unsupported_media_type',
          message: 'Compressed request bodies are not accepted; send the body uncompressed.',
          requestId: String(request.id),
        });
      }
    });
    await app.register(rateLimit, {
      global: true,
      max: opts.requestsPerMinute,
      // Only the API is limited; health probes and the page's static files are not.
      allowList: (request) => !request.url.startsWith('/api/'),
      timeWindow: 60_000,
      ...(opts.shared ? { store: sharedStore(opts.shared), skipOnError: true } : {}),
      // Thrown by the plugin: an AppError reaches the one error handler as the body it should be.
      errorResponseBuilder: (_request, context) => new AppError(429, 'rate_limited', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} seconds.`),
    });
    const { shared } = opts;
    if (shared) {
      const timer = setInterval(() => void shared.prune().catch(() => undefined), PRUNE_EVERY_MS).unref();
      app.addHook('onClose', async () => clearInterval(timer));
    }
  },
  { name: 'hardening' },
);
