// Generates the OpenAPI document from the route schemas; serves /openapi.json and the /docs UI.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { publicRoutes } from './access-rules.js';
import { transform, transformObject } from './openapi-contract.js';

export default fp(
  async function openapiPlugin(app: FastifyInstance) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'DHR chronology service',
          description:
            'Merges agencies’ chronologies for Domestic Homicide Reviews into one timeline and anonymises it for publication.',
          version: '0.1.0',
        },
        servers: [{ url: '/', description: 'The service that serves this document' }],
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
        security: [{ bearer: [] }],
      },
      transform,
      transformObject,
      hideUntagged: true,
    });
    await app.register(async (docs) => {
      publicRoutes(docs);
      await docs.register(swaggerUi, { routePrefix: '/docs' });
    });
    app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
