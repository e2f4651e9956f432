// The upload benchmark's server, forked by ingest-cases.ts so its peak RSS and event-loop delay are its own, not the client's.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ensureAdminToken } from '../src/tokens/tokens-repository.js';

/** Parent → server: 'start' before the upload is sent, 'stop' once its answer is in. */
export type ServerCommand = 'start' | 'stop';
/** Server → parent. */
export type ServerMessage =
  | { kind: 'ready'; address: string }
  | { kind: 'started' }
  | { kind: 'figures'; peakRssMb: number; maxLoopDelayMs: number; uploadMs: number };

/** This process's peak resident set (VmHWM), from the kernel's own bookkeeping. */
function peakRssMb(): number {
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return Math.round(Number(kb ?? 0) / 1024);
}

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
// The same probe as bench/measure.ts, but in the server: 10 ms resolution, reset when the upload starts.
const loop = monitorEventLoopDelay({ resolution: 10 });

process.on('message', (cmd: ServerCommand) => {
  if (cmd === 'start') {
    loop.reset();
    loop.enable();
    send({ kind: 'started' });
  } else {
    // One more timer turn first: a block that lasted to the end of the upload is recorded only then.
    setTimeout(() => {
      loop.disable();
      send({ kind: 'figures', peakRssMb: peakRssMb(), maxLoopDelayMs: Math.round(loop.max / 1e6), uploadMs: Math.round(uploadMs) });
      void app.close().then(() => {
        rmSync(dataDir, { recursive: true, force: true });
        process.disconnect();
      });
    }, 30);
  }
});
send({ kind: 'ready', address });
