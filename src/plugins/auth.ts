// Authentication and the route-level access rule in one hook; it computes the request's scope on a case.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { CaseRecord } from '../cases/cases-repository.js';
import type { RateCounters } from '../db/rate-counters.js';
import { AppError, notFound } from '../errors.js';
import { passesGlobalRule, type Principal } from '../access/roles.js';
import { may, scopeFor, type Scope } from '../access/scope.js';
import { localSignInFailures, sharedSignInFailures, type SignInFailures } from '../auth/failure-limiter.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    scope: Scope | null;
  }
}

const unauthorised = (): AppError =>
  new AppError(401, 'unauthorised', 'Sign in with a valid token (Authorization: Bearer <token>).');

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

async function authorise(app: FastifyInstance, limiter: SignInFailures, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.is404) return; // the not-found handler answers
  const access = request.routeOptions.config.access;
  if (access === undefined) throw new AppError(500, 'internal', 'This route declares no access rule.');
  if (access === 'public') return;
  const wait = await limiter.retryAfter(request.ip);
  if (wait > 0) {
    void reply.header('Retry-After', String(wait));
    throw new AppError(429, 'rate_limited', `Too many failed sign-ins from this address; try again in ${wait} seconds.`);
  }
  const secret = bearer(request);
  const principal = secret ? await app.repos.tokens.authenticate(secret) : null;
  if (!principal) {
    if (secret) {
      await limiter.fail(request.ip);
      await app.repos.audit.record({ caseId: null, tokenId: null, role: null, action: 'access', outcome: 'refused', detail: { reason: 'bad token', method: request.method } });
    }
    void reply.header('WWW-Authenticate', 'Bearer');
    throw unauthorised();
  }
  request.principal = principal;
  if (access === 'any' || access === 'admin') {
    if (!passesGlobalRule(principal, access)) {
      await app.repos.audit.record({ caseId: null, tokenId: principal.tokenId, role: principal.role, action: 'access', outcome: 'refused', detail: { route: request.routeOptions.url ?? '' } });
      throw new AppError(403, 'forbidden', 'Only an administrator may do this.');
    }
    return;
  }
  const caseId = (request.params as { caseId?: string }).caseId;
  const found = caseId ? await app.repos.cases.get(caseId) : null;
  const scope = found ? scopeFor(principal, found) : null;
  if (!scope) throw notFound('No such case.');
  if (!may(scope, access)) {
    await refuse(app, principal, scope.case.id, access, request);
    throw new AppError(403, 'forbidden', 'Your token does not allow this on this case.');
  }
  request.scope = scope;
}

async function refuse(app: FastifyInstance, p: Principal, caseId: string, action: string, request: FastifyRequest): Promise<void> {
  await app.repos.audit.record({
    caseId,
    tokenId: p.tokenId,
    role: p.role,
    action: 'access',
    outcome: 'refused',
    detail: { attempted: action, method: request.method },
  });
}

export default fp(
  async function authPlugin(app: FastifyInstance, opts: { failuresPerMinute: number; shared?: RateCounters | undefined }) {
    const limiter = opts.shared ? sharedSignInFailures(opts.failuresPerMinute, opts.shared) : localSignInFailures(opts.failuresPerMinute);
    app.decorateRequest('principal', null);
    app.decorateRequest('scope', null);
    app.addHook('onRequest', async (request, reply) => authorise(app, limiter, request, reply));
  },
  { name: 'auth', dependencies: ['repositories', 'access-rules'] },
);

/** The principal of a route that declared an access other than 'public'. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorised();
  return request.principal;
}

/** The scope of a :caseId route, computed by the hook from the token and the case. */
export function scopeOf(request: FastifyRequest): Scope {
  if (!request.scope) throw notFound('No such case.');
  return request.scope;
}

/** The case a :caseId route was authorised for. */
export function caseOf(request: FastifyRequest): CaseRecord {
  return scopeOf(request).case;
}
