// Fails closed: every route must declare `config.access`; one that does not stops the app when it is made ready.
import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { AccessRule } from '../access/roles.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyInstance {
    /** Every route registered, with the access rule it declared (the access-matrix test is built from this). */
    accessRoutes: readonly RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: AccessRule;
}

export class MissingAccessRule extends Error {
  constructor(readonly routes: readonly string[]) {
    super(`Routes without an access rule (config.access): ${routes.join(', ')}`);
  }
}

/** Marks every route a third-party plugin registers inside `scope` as public (static files, the API docs). */
export function publicRoutes(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), access: 'public' };
  });
}

export default fp(
  async function accessRulesPlugin(app: FastifyInstance) {
    // Registered before any route. Routes are checked once all are in: a plugin's own routes (static files, the
    // docs) get their rule from `publicRoutes`, whose hook runs after this one has seen them.
    const seen: RouteOptions[] = [];
    app.addHook('onRoute', (route) => {
      seen.push(route);
    });
    const registered: RegisteredRoute[] = [];
    app.decorate('accessRoutes', registered);
    app.addHook('onReady', async () => {
      const missing: string[] = [];
      for (const route of seen) {
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        const access = (route.config as { access?: AccessRule } | undefined)?.access;
        for (const method of methods) {
          if (access === undefined) missing.push(`${method} ${route.url}`);
          else registered.push({ method, url: route.url, access });
        }
      }
      if (missing.length > 0) throw new MissingAccessRule(missing);
    });
  },
  { name: 'access-rules' },
);
