// Serves the web page (static files under public/, its scripts compiled from web/ into public/js/) at /.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { publicRoutes } from './access-rules.js';

// src/plugins → repo root, whether running from src (tsx) or dist/src (compiled).
const root = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../public/' : '../../public/', import.meta.url));

/** Encapsulated (no fastify-plugin): its hook marking routes public reaches only the static files' routes. */
export default async function webUiPlugin(app: FastifyInstance): Promise<void> {
  if (!existsSync(`${root}js/main.js`)) {
    app.log.warn({ dir: 'public/js' }, 'web page scripts not built; run npm run build:web');
  }
  publicRoutes(app);
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
}
