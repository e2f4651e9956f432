// Serves the web page (static files under public/) at /.
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// src/plugins → repo root, whether running from src (tsx) or dist/src (compiled).
const root = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../public/' : '../../public/', import.meta.url));

export default fp(
  async function webUiPlugin(app: FastifyInstance) {
    await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'], cacheControl: true, maxAge: '1h' });
  },
  { name: 'web-ui' },
);
