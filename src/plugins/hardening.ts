// Security headers (helmet, strict CSP) and request rate limits for every /api route.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface HardeningOptions {
  /** Requests per minute per client address on /api (default 600). */
  requestsPerMinute: number;
}

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
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        error: 'rate_limited',
        message: `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
      }),
    });
  },
  { name: 'hardening' },
);
