// `npm run bench:load`: 20 authors upload 2 000-row files while 20 readers download the merged timeline, against a real server child on 127.0.0.1.
// LOAD_SECONDS (60), LOAD_AUTHORS (20), LOAD_READERS (20), LOAD_ROWS (2000). Checks: no 5xx, every 201 upload listed afterwards.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, rssKiB, SERVER_TOKEN } from '../test/reliability/server-process.js';
import { csvUpload, rows, seededRandom, xlsxUpload, type PreparedUpload } from '../test/reliability/workload.js';

const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/** Child mode: the real app (buildApp from the environment) with the per-address rate limit lifted — all 40 clients share 127.0.0.1. */
async function serve(): Promise<void> {
  const { buildApp } = await import('../src/app.js');
  const { loadConfig } = await import('../src/config.js');
  const { ensureAdminToken } = await import('../src/tokens/tokens-repository.js');
  const config = loadConfig(process.env);
  const app = await buildApp(config, { requestsPerMinute: 10_000_000 });
  await ensureAdminToken(app.repos.tokens, config.adminToken);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
  await app.listen({ port: config.port, host: '127.0.0.1' });
}

interface Sample {
  kind: 'upload' | 'timeline';
  ms: number;
  status: number;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) : 0;
};

async function main(): Promise<void> {
  const seconds = num('LOAD_SECONDS', 60);
  const authors = num('LOAD_AUTHORS', 20);
  const readers = num('LOAD_READERS', 20);
  const rowCount = num('LOAD_ROWS', 2000);
  const dataDir = mkdtempSync(join(tmpdir(), 'chron-load-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'serve'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: String(port), ADMIN_TOKEN: SERVER_TOKEN, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const auth = { authorization: `Bearer ${SERVER_TOKEN}` };
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${base}/ready`).then((r) => r.ok, () => false)) break;
      if (i > 600 || child.exitCode !== null) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    const made = await fetch(`${base}/api/cases`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'DHR load test', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } }) });
    const caseId = ((await made.json()) as { id: string }).id;
    const rnd = seededRandom(2024);
    // Half the authors send xlsx (built once each), half CSV (a fresh file each time).
    const xlsx: PreparedUpload[] = [];
    for (let a = 0; a < authors; a += 2) xlsx[a] = await xlsxUpload(`Agency ${a + 1}`, rows(rnd, rowCount, `x${a}`));
    const pid = child.pid ?? -1;
    const rssStart = rssKiB(pid);
    let rssPeak = rssStart;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssKiB(pid) || 0)), 250);

    const samples: Sample[] = [];
    const acked = new Map<string, PreparedUpload>();
    const errors: string[] = [];
    const end = Date.now() + seconds * 1000;
    const timed = async (kind: Sample['kind'], send: () => Promise<Response>): Promise<Response | null> => {
      const t0 = performance.now();
      try {
        const res = await send();
        await res.clone().arrayBuffer();
        samples.push({ kind, ms: performance.now() - t0, status: res.status });
        return res;
      } catch (err) {
        errors.push(`${kind}: ${err instanceof Error ? err.message : String(err)}`);
        samples.push({ kind, ms: performance.now() - t0, status: 0 });
        return null;
      }
    };
    const author = async (a: number): Promise<void> => {
      for (let n = 0; Date.now() < end; n++) {
        const up = xlsx[a] ?? csvUpload(`Agency ${a + 1}`, rows(rnd, rowCount, `a${a}-${n}`));
        const res = await timed('upload', () => fetch(`${base}/api/cases/${caseId}/chronologies`, { method: 'POST', headers: { ...auth, 'content-type': up.contentType }, body: up.body, signal: AbortSignal.timeout(120_000) }));
        if (res?.status === 201) acked.set(((await res.json()) as { submission: { id: string } }).submission.id, up);
      }
    };
    const reader = async (): Promise<void> => {
      while (Date.now() < end) {
        // names=real (admin): the anonymised default answers 501 until the anonymiser lands.
        await timed('timeline', () => fetch(`${base}/api/cases/${caseId}/timeline?format=json&names=real`, { headers: auth, signal: AbortSignal.timeout(120_000) }));
      }
    };
    const t0 = performance.now();
    await Promise.all([...Array.from({ length: authors }, (_, a) => author(a)), ...Array.from({ length: readers }, () => reader())]);
    const wall = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const rssEnd = rssKiB(pid);

    const listed = (await (await fetch(`${base}/api/cases/${caseId}/chronologies`, { headers: auth })).json()) as { submissions: { id: string; entries: number; sha256: string }[] };
    const byId = new Map(listed.submissions.map((s) => [s.id, s]));
    const lost = [...acked].filter(([id, up]) => byId.get(id)?.entries !== up.entries || byId.get(id)?.sha256 !== up.sha256).length;

    console.log(`\nload: ${authors} authors × ${rowCount}-row files (xlsx/csv), ${readers} readers of the JSON timeline (names=real), ${wall.toFixed(0)} s on 127.0.0.1`);
    console.log('kind       requests   2xx   4xx   5xx  failed   p50 ms   p99 ms   max ms');
    for (const kind of ['upload', 'timeline'] as const) {
      const mine = samples.filter((s) => s.kind === kind);
      const ms = mine.map((s) => s.ms);
      const count = (lo: number, hi: number) => mine.filter((s) => s.status >= lo && s.status < hi).length;
      console.log(
        `${kind.padEnd(9)} ${String(mine.length).padStart(9)} ${String(count(200, 300)).padStart(5)} ${String(count(400, 500)).padStart(5)} ${String(count(500, 600)).padStart(5)} ${String(count(0, 1)).padStart(7)} ${pct(ms, 50).toFixed(0).padStart(8)} ${pct(ms, 99).toFixed(0).padStart(8)} ${Math.max(0, ...ms).toFixed(0).padStart(8)}`,
      );
    }
    const mb = (k: number): string => `${(k / 1024).toFixed(0)} MB`;
    console.log(`server RSS: start ${mb(rssStart)}, end ${mb(rssEnd)}, peak ${mb(rssPeak)}`);
    console.log(`uploads acknowledged ${acked.size}, lost ${lost}; submissions stored ${listed.submissions.length}`);
    if (errors.length) console.log(`client errors (first 5): ${errors.slice(0, 5).join(' | ')}`);
    const fivexx = samples.filter((s) => s.status >= 500).length;
    if (fivexx > 0 || lost > 0 || errors.length > 0) {
      console.error(`FAILED: ${fivexx} 5xx, ${lost} lost uploads, ${errors.length} client errors`);
      process.exitCode = 1;
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'serve') await serve();
else await main();
