// The export benchmark's server, forked by export-route.ts over a store seeded once under data/bench, so its peak RSS
// and event-loop delay are its own, not the client's.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ensureAdminToken } from '../src/tokens/tokens-repository.js';

/** Parent → server: 'start' before the export is asked for, 'stop' once its last byte is in. */
export type ExportServerCommand = 'start' | 'stop';
/** Server → parent. */
export type ExportServerMessage = { kind: 'ready'; address: string; rssMb: number } | { kind: 'started' } | { kind: 'figures'; peakRssMb: number; maxLoopDelayMs: number };

/** This process's peak resident set (VmHWM), from the kernel's own bookkeeping; worker threads included. */
function peakRssMb(): number {
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return Math.round(Number(kb ?? 0) / 1024);
}

const send = (m: ExportServerMessage): void => {
  process.send?.(m);
};

const [admin = '', dataDir = ''] = process.argv.slice(2);
const app = await buildApp({ ...loadConfig({ LOG_LEVEL: 'silent', ADMIN_TOKEN: admin }), dataDir }, { requestsPerMinute: 1_000_000 });
await ensureAdminToken(app.repos.tokens, admin);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const loop = monitorEventLoopDelay({ resolution: 10 });

process.on('message', (cmd: ExportServerCommand) => {
  if (cmd === 'start') {
    loop.reset();
    loop.enable();
    send({ kind: 'started' });
  } else {
    // One more timer turn first: a block that lasted to the end of the export is recorded only then.
    setTimeout(() => {
      loop.disable();
      send({ kind: 'figures', peakRssMb: peakRssMb(), maxLoopDelayMs: Math.round(loop.max / 1e6) });
      void app.close().then(() => process.disconnect());
    }, 30);
  }
});
send({ kind: 'ready', address, rssMb: Math.round(process.memoryUsage.rss() / 1048576) });
