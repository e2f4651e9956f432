// The contract check: every response a test app sends is recorded, then checked against the app's own OpenAPI
// document — the status declared for the operation, the media type one it declares, the JSON body valid by ajv.
import { PassThrough, Readable, pipeline } from 'node:stream';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

export interface RecordedResponse {
  method: string;
  /** The route as declared (`/api/cases/:caseId`), or null when no route matched. */
  route: string | null;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The body as sent, or null when it was not kept (over the cap). */
  body: Buffer | null;
}

/** Bodies past this size are not kept; their status, media type and headers are still checked. */
const KEEP_BYTES = 4 * 1024 * 1024;

function toBuffer(payload: unknown): Buffer | null {
  if (payload === null || payload === undefined) return Buffer.alloc(0);
  if (typeof payload === 'string') return Buffer.from(payload);
  if (Buffer.isBuffer(payload)) return payload;
  return null;
}

/** Records every response the app sends (streams are passed through a tee that keeps a copy up to the cap). */
export function recordResponses(app: FastifyInstance): RecordedResponse[] {
  const records: RecordedResponse[] = [];
  const bodies = new WeakMap<object, () => Buffer | null>();
  app.addHook('onSend', async (request, _reply, payload) => {
    const direct = toBuffer(payload);
    if (direct || !(payload instanceof Readable)) {
      bodies.set(request, () => direct);
      return payload;
    }
    const chunks: Buffer[] = [];
    let kept = 0;
    const tee = new PassThrough();
    tee.on('data', (chunk: Buffer) => {
      kept += chunk.length;
      if (kept <= KEEP_BYTES) chunks.push(chunk);
    });
    bodies.set(request, () => (kept <= KEEP_BYTES ? Buffer.concat(chunks) : null));
    pipeline(payload, tee, () => undefined);
    const out = new PassThrough();
    tee.pipe(out);
    // A client that goes away destroys `out`; the route's stream must hear of it as it would without this hook.
    out.on('close', () => {
      if (!out.readableEnded) tee.destroy();
    });
    // And a route's stream cut short (an export aborted) must cut the response short, as it would without this hook.
    tee.on('close', () => {
      if (!tee.readableEnded) out.destroy();
    });
    return out;
  });
  app.addHook('onResponse', async (request, reply) => {
    records.push({
      method: request.method,
      route: request.is404 ? null : (request.routeOptions.url ?? null),
      status: reply.statusCode,
      headers: reply.getHeaders(),
      // fastify sends no body with a 204 whatever the handler passed
      body: reply.statusCode === 204 ? Buffer.alloc(0) : (bodies.get(request)?.() ?? null),
    });
  });
  return records;
}

type Json = Record<string, unknown>;
interface Spec {
  paths: Record<string, Record<string, Json>>;
  components: { responses?: Record<string, Json>; headers?: Record<string, Json> };
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const essence = (contentType: unknown): string => String(contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
const pointer = (...parts: string[]): string => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
/** `/api/cases/:caseId` → `/api/cases/{caseId}` */
const specPath = (route: string): string => route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Checks recorded responses against the document; returns one line per mismatch (none when all conform). */
export function checkResponses(spec: Spec, records: readonly RecordedResponse[]): string[] {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: false }));
  ajv.addFormat('binary', true);
  ajv.addSchema(spec, 'spec');
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();
  const problems: string[] = [];
  for (const r of records) {
    if (r.route === null || r.method === 'HEAD' || r.method === 'OPTIONS') continue;
    const path = specPath(r.route);
    const op = spec.paths[path]?.[r.method.toLowerCase()];
    const where = `${r.method} ${path} → ${r.status}`;
    if (!op) {
      if (r.route.startsWith('/api/')) problems.push(`${where}: the operation is not in the document`);
      continue;
    }
    const responses = (op.responses ?? {}) as Record<string, Json>;
    let response = responses[String(r.status)];
    if (!response) {
      problems.push(`${where}: status not declared (declared: ${Object.keys(responses).join(', ')})`);
      continue;
    }
    const ref = typeof response.$ref === 'string' ? response.$ref : null;
    if (ref) response = spec.components.responses?.[ref.split('/').pop() ?? ''] ?? {};
    const base = ref ? pointer('components', 'responses', ref.split('/').pop() ?? '') : pointer('paths', path, r.method.toLowerCase(), 'responses', String(r.status));
    const content = response.content as Record<string, Json> | undefined;
    const type = essence(r.headers['content-type']);
    for (const name of Object.keys((response.headers ?? {}) as Json)) {
      // a download's header: the JSON form of the same answer has none
      if (name === 'Content-Disposition' && type === 'application/json') continue;
      if (r.headers[name.toLowerCase()] === undefined) problems.push(`${where}: header ${name} declared but not sent`);
    }
    if (!content) {
      if (r.body && r.body.length > 0) problems.push(`${where}: a body was sent where none is declared`);
      continue;
    }
    if (!content[type]) {
      problems.push(`${where}: media type ${type || '(none)'} not declared (declared: ${Object.keys(content).join(', ')})`);
      continue;
    }
    if (type !== 'application/json' || r.body === null) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.body.toString('utf8'));
    } catch {
      problems.push(`${where}: the body is not JSON`);
      continue;
    }
    const key = `spec#/${base}/content/${pointer(type)}/schema`;
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile({ $ref: key });
      validators.set(key, validate);
    }
    if (!validate(parsed)) {
      const first = validate.errors?.[0];
      problems.push(`${where}: body invalid at ${first?.instancePath || '/'}: ${first?.message ?? 'invalid'}`);
    }
  }
  return [...new Set(problems)];
}
