// Serves the web page (static files under public/, its scripts compiled from web/ into public/js/) at /.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// src/plugins → repo root, whether running from src (tsx) or dist/src (compiled).
const root = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../public/' : '../../public/', import.meta.url));

export default fp(
  async function webUiPlugin(app: FastifyInstance) {
    if (!existsSync(`${root}js/main.js`)) {
      app.log.warn({ dir: 'public/js' }, 'web page scripts not built; run npm run build:web');
    }
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      index: ['index.html'],
      // Revalidated every time (ETag, so usually a 304): a new release's page, scripts and styles arrive together.
      cacheControl: false,
      setHeaders: (reply) => {
        void reply.header('cache-control', 'no-cache');
      },
    });
  },
  { name: 'web-ui' },
);
