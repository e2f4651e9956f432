// What the published contract says beyond the route schemas: the errors every route can answer (from its access rule
// and inputs), multipart bodies, file and rate-limit headers, 204s without content, public routes without the bearer.
import { STATUS_CODES } from 'node:http';
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import type { AccessRule } from '../access/roles.js';

type JsonSchema = Record<string, unknown>;

/** A multipart/form-data request body: its parts as JSON Schema (a file part is `{ type: 'string', format: 'binary' }`). */
export interface MultipartBody {
  description: string;
  properties: Record<string, JsonSchema>;
  required: readonly string[];
  /** May the request come with no body at all? */
  optional?: boolean;
}

declare module 'fastify' {
  interface FastifySchema {
    multipart?: MultipartBody;
  }
}

/** What the route itself tells about its refusals, carried from the per-route transform to the document. */
interface RouteFacts {
  access: AccessRule | null;
  input: boolean;
  body: 'none' | 'required' | 'optional';
  multipart: MultipartBody | null;
}

const FACTS = 'x-route-facts';
const ERROR_BODY = { $ref: '#/components/schemas/ErrorBody' };
const json = { 'application/json': { schema: ERROR_BODY } };
const header = (name: string): JsonSchema => ({ $ref: `#/components/headers/${name}` });
const RATE_HEADERS = { 'X-RateLimit-Limit': header('RateLimitLimit'), 'X-RateLimit-Remaining': header('RateLimitRemaining'), 'X-RateLimit-Reset': header('RateLimitReset') };

const HEADERS = {
  RateLimitLimit: { description: 'Requests allowed per minute from this address on /api', schema: { type: 'integer' } },
  RateLimitRemaining: { description: 'Requests left in the current minute', schema: { type: 'integer' } },
  RateLimitReset: { description: 'Seconds until the count starts again', schema: { type: 'integer' } },
  RetryAfter: { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
  ContentDisposition: { description: 'attachment; filename="…" — the file is a download', schema: { type: 'string' } },
  WwwAuthenticate: { description: 'Bearer', schema: { type: 'string' } },
};

/** The refusals shared by many operations, declared once. */
const RESPONSES: Record<string, { name: string; body: JsonSchema }> = {
  400: { name: 'BadRequest', body: { description: 'The request is malformed: the message names the field and why (error invalid_request, invalid_json or bad_request)', content: json } },
  401: {
    name: 'Unauthorised',
    body: { description: 'No token, or not a valid one (error unauthorised)', headers: { 'WWW-Authenticate': header('WwwAuthenticate') }, content: json },
  },
  403: { name: 'Forbidden', body: { description: 'The token may not do this (error forbidden)', content: json } },
  404: { name: 'NotFound', body: { description: 'No such case, or not one this token can see (error not_found)', content: json } },
  413: { name: 'TooLarge', body: { description: 'Over a size limit (error too_large, with limit)', content: json } },
  415: { name: 'UnsupportedMediaType', body: { description: 'A body or file of a kind not accepted (error unsupported_media_type or unsupported_format)', content: json } },
  429: {
    name: 'RateLimited',
    body: { description: 'Too many requests or failed sign-ins from this address (error rate_limited)', headers: { 'Retry-After': header('RetryAfter') }, content: json },
  },
  503: { name: 'DatabaseUnavailable', body: { description: 'The database is not answering; nothing was stored, try again (error database_unavailable)', content: json } },
  507: { name: 'StorageFull', body: { description: 'The store is full; nothing was stored (error storage_full)', content: json } },
};

function bodyKind(body: unknown): RouteFacts['body'] {
  if (!body) return 'none';
  return (body as ZodType).safeParse(undefined).success ? 'optional' : 'required';
}

/** The zod transform, and the route's access rule and inputs handed on to `transformObject`. */
export const transform: SwaggerTransform = (args) => {
  const out = jsonSchemaTransform(args as Parameters<typeof jsonSchemaTransform>[0]);
  const schema = args.route.schema ?? {};
  const multipart = schema.multipart ?? null;
  const facts: RouteFacts = {
    access: args.route.config?.access ?? null,
    input: Boolean(schema.params ?? schema.querystring ?? schema.body ?? multipart),
    body: multipart ? (multipart.optional ? 'optional' : 'required') : bodyKind(schema.body),
    multipart,
  };
  const { multipart: _dropped, ...rest } = out.schema as Record<string, unknown>;
  return { ...out, schema: { ...rest, [FACTS]: facts } as FastifySchema };
};

/** The statuses an operation answers by the rules every route follows (a token is checked in the store). */
function impliedStatuses(method: string, path: string, facts: RouteFacts): number[] {
  const statuses: number[] = [];
  if (facts.input) statuses.push(400);
  if (facts.access !== 'public' && facts.access !== null) statuses.push(401);
  const caseAction = facts.access !== null && !['public', 'any', 'admin'].includes(facts.access);
  if (caseAction || facts.access === 'admin') statuses.push(403);
  if (caseAction) statuses.push(404);
  if (facts.body !== 'none') statuses.push(413, 415);
  if (path.startsWith('/api/')) statuses.push(429);
  if (facts.access !== 'public' && facts.access !== null) statuses.push(503);
  if (facts.access !== 'public' && facts.access !== null && method !== 'get') statuses.push(507);
  return statuses;
}

const operationId = (method: string, path: string): string =>
  method +
  path
    .replace(/^\/api\//, '/')
    .split(/[/.{}-]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');

const isErrorBodyOnly = (r: JsonSchema): boolean => {
  const content = r.content as Record<string, { schema?: JsonSchema }> | undefined;
  return content !== undefined && Object.keys(content).join() === 'application/json' && content['application/json']?.schema?.$ref === ERROR_BODY.$ref;
};

function finishOperation(op: JsonSchema, method: string, path: string): void {
  const facts = op[FACTS] as RouteFacts | undefined;
  delete op[FACTS];
  if (!facts) return;
  op.operationId ??= operationId(method, path);
  if (facts.access === 'public') op.security = [];
  const responses = op.responses as Record<string, JsonSchema>;
  for (const status of impliedStatuses(method, path, facts)) responses[status] ??= { $ref: '' };
  for (const [status, response] of Object.entries(responses)) {
    const shared = RESPONSES[status];
    if (shared && (response.$ref === '' || isErrorBodyOnly(response))) {
      responses[status] = { $ref: `#/components/responses/${shared.name}` };
      continue;
    }
    if (response.description === 'Default Response') response.description = STATUS_CODES[Number(status)] ?? status;
    if (status === '204') delete response.content;
    const content = response.content as Record<string, unknown> | undefined;
    const headers: Record<string, unknown> = {};
    if (status.startsWith('2') && path.startsWith('/api/')) Object.assign(headers, RATE_HEADERS);
    if (content && Object.keys(content).some((t) => t !== 'application/json')) headers['Content-Disposition'] = header('ContentDisposition');
    if (Object.keys(headers).length > 0) response.headers = { ...headers, ...(response.headers as object | undefined) };
  }
  op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  if (facts.multipart) {
    const { description, properties, required } = facts.multipart;
    const body = (op.requestBody as { content: Record<string, unknown> } | undefined) ?? { content: {} };
    body.content['multipart/form-data'] = { schema: { type: 'object', description, properties, required } };
    op.requestBody = body;
  }
  if (op.requestBody) (op.requestBody as JsonSchema).required = facts.body === 'required';
}

/** Drops the named schemas nothing refers to (zod's registry yields an input and an output twin of each). */
function dropUnreferenced(schemas: Record<string, unknown>, doc: unknown): void {
  let text = JSON.stringify(doc);
  for (;;) {
    const unused = Object.keys(schemas).filter((name) => !text.includes(`"#/components/schemas/${name}"`));
    if (unused.length === 0) return;
    for (const name of unused) delete schemas[name];
    text = JSON.stringify(doc);
  }
}

/** Named schemas from the zod registry, the shared responses and headers, then each operation finished. */
export const transformObject: SwaggerTransformObject = (args) => {
  const doc = jsonSchemaTransformObject(args) as { components: Record<string, unknown>; paths: Record<string, Record<string, JsonSchema>> };
  doc.components.responses = Object.fromEntries(Object.values(RESPONSES).map((r) => [r.name, r.body]));
  doc.components.headers = HEADERS;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) finishOperation(op, method, path);
  }
  dropUnreferenced(doc.components.schemas as Record<string, unknown>, doc);
  // one object per place: YAML would otherwise write the shared ones as anchors and aliases
  return JSON.parse(JSON.stringify(doc)) as typeof doc;
};
