// Builds the real app over a test store, with an admin token, and helpers to call it like a client would.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { Writable } from 'node:stream';
import { buildApp } from '../../src/app.js';
import { ensureAdminToken } from '../../src/tokens/tokens-repository.js';
import type { Config } from '../../src/config.js';
import { checkResponses, recordResponses, type RecordedResponse } from './contract.js';
import { openTestStore, type StoreKind, type TestStore } from './stores.js';

export const ADMIN = 'chr_test_admin_token_0123456789abcdef';

export interface TestApp {
  app: FastifyInstance;
  store: TestStore;
  /** Everything the app logged, as raw text. */
  logs: () => string;
  call(opts: InjectOptions & { token?: string | null }): Promise<LightMyRequestResponse>;
  /** Every response the app sent, as the contract check sees it. */
  responses: readonly RecordedResponse[];
  /** Closes the app and the store, then fails if any response it sent disagrees with the published contract. */
  close(): Promise<void>;
}

export function testConfig(store: TestStore, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: store.dataDir,
    databaseUrl: undefined,
    adminToken: ADMIN,
    logLevel: 'info',
    maxUploadBytes: 25 * 1024 * 1024,
    retentionDays: undefined,
    exportIdleSeconds: 30,
    ...overrides,
  };
}

export async function startTestApp(
  kind: StoreKind,
  overrides: Partial<Config> = {},
  limits: { requestsPerMinute?: number; authFailuresPerMinute?: number } = {},
): Promise<TestApp> {
  const store = await openTestStore(kind);
  let captured = '';
  const logStream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      captured += chunk.toString('utf8');
      cb();
    },
  });
  const app = await buildApp(testConfig(store, overrides), {
    database: store.database,
    logStream,
    requestsPerMinute: limits.requestsPerMinute ?? 100_000,
    authFailuresPerMinute: limits.authFailuresPerMinute ?? 100_000,
  });
  const responses = recordResponses(app);
  await ensureAdminToken(app.repos.tokens, ADMIN);
  await app.ready();
  const spec = app.swagger() as unknown as Parameters<typeof checkResponses>[0];
  return {
    app,
    store,
    responses,
    logs: () => captured,
    call({ token = ADMIN, headers, ...rest }) {
      return app.inject({
        ...rest,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      });
    },
    async close() {
      await app.close();
      await store.dispose();
      const problems = checkResponses(spec, responses);
      if (problems.length > 0) throw new Error(`Responses that break the published contract (openapi.yaml):\n${problems.slice(0, 30).join('\n')}`);
    },
  };
}
