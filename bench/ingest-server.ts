// The upload benchmark's server, forked by ingest-cases.ts so its peak RSS and event-loop delay are its own, not the client's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ensureAdminToken } from '../src/tokens/tokens-repository.js';
import { onStartStop } from './server-probe.js';

/** Parent → server: 'start' before the upload is sent, 'stop' once its answer is in. */
export type ServerCommand = 'start' | 'stop';
/** Server → parent. */
export type ServerMessage =
  | { kind: 'ready'; address: string }
  | { kind: 'started' }
  | { kind: 'figures'; peakRssMb: number; maxLoopDelayMs: number; uploadMs: number };

const send = (m: ServerMessage): void => {
  process.send?.(m);
};

const admin = process.argv[2] ?? '';
const dataDir = mkdtempSync(join(tmpdir(), 'chron-bench-'));
const app = await buildApp({ ...loadConfig({ LOG_LEVEL: 'silent', ADMIN_TOKEN: admin }), dataDir });
await ensureAdminToken(app.repos.tokens, admin);
// The server's own share of the upload: from its request's headers to its response's last byte.
let uploadStart = 0;
let uploadMs = 0;
const isUpload = (method: string, url: string): boolean => method === 'POST' && url.endsWith('/chronologies');
app.addHook('onRequest', async (req) => {
  if (isUpload(req.method, req.url)) uploadStart = performance.now();
});
app.addHook('onResponse', async (req) => {
  if (isUpload(req.method, req.url)) uploadMs = performance.now() - uploadStart;
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
onStartStop(
  () => send({ kind: 'started' }),
  (figures) => {
    send({ kind: 'figures', ...figures, uploadMs: Math.round(uploadMs) });
    void app.close().then(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.disconnect();
    });
  },
);
send({ kind: 'ready', address });
