// The export benchmark's server, forked by export-route.ts over a store seeded once under data/bench, so its peak RSS
// and event-loop delay are its own, not the client's.
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ensureAdminToken } from '../src/tokens/tokens-repository.js';
import { onStartStop } from './server-probe.js';

/** Parent → server: 'start' before the export is asked for, 'stop' once its last byte is in. */
export type ExportServerCommand = 'start' | 'stop';
/** Server → parent. */
export type ExportServerMessage = { kind: 'ready'; address: string; rssMb: number } | { kind: 'started' } | { kind: 'figures'; peakRssMb: number; maxLoopDelayMs: number };

const send = (m: ExportServerMessage): void => {
  process.send?.(m);
};

const [admin = '', dataDir = ''] = process.argv.slice(2);
const app = await buildApp({ ...loadConfig({ LOG_LEVEL: 'silent', ADMIN_TOKEN: admin }), dataDir }, { requestsPerMinute: 1_000_000 });
await ensureAdminToken(app.repos.tokens, admin);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
onStartStop(
  () => send({ kind: 'started' }),
  (figures) => {
    send({ kind: 'figures', ...figures });
    void app.close().then(() => process.disconnect());
  },
);
send({ kind: 'ready', address, rssMb: Math.round(process.memoryUsage.rss() / 1048576) });
