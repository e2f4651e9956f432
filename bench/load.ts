// `npm run bench:load` (issue #19): on a case that already holds LOAD_SEED entries, LOAD_AUTHORS authors upload
// LOAD_ROWS-row files while LOAD_READERS readers fetch one month of the timeline (from/to) and /health is probed
// every 25 ms, for LOAD_SECONDS, against a compiled server in its own process on 127.0.0.1. SQLite by default;
// DATABASE_URL=postgres://… runs it on a fresh schema there. Defaults: 60 s, 20, 20, 2 000 rows, 200 000 entries;
// LOAD_NAMES (real) is the readers' names mode. Checks: no 5xx, every 201 upload listed afterwards with its count.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, SERVER_TOKEN } from '../test/reliability/server-process.js';
import { csvUpload, rows, seededRandom, xlsxUpload, type PreparedUpload } from '../test/reliability/workload.js';
import { anonymiseWorkload } from './anonymise-workload.js';
import { syntheticEntries } from './export-cases.js';

const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const COMPILED_SERVER = fileURLToPath(new URL('../dist/bench/load-server.js', import.meta.url));
/** Agencies the seeded entries belong to; the authors upload as other agencies, so the seed stays current. */
const SEED_AGENCIES = 20;

type Kind = 'upload' | 'timeline' | 'health';

interface Sample {
  kind: Kind;
  ms: number;
  status: number;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) : 0;
};

/** A kernel figure of a process (VmRSS, VmHWM) in KiB, or 0 once it is gone. */
function procKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The case and its seed, written through the store's bulk writer (no HTTP): SEED_AGENCIES agencies, a 50-person map. */
async function seed(env: NodeJS.ProcessEnv, pgSchema: string | undefined, entries: number): Promise<string> {
  const { buildApp } = await import('../src/app.js');
  const { loadConfig } = await import('../src/config.js');
  const { entriesInHand } = await import('../src/submissions/submissions-repository.js');
  const app = await buildApp({ ...loadConfig({ ...env, LOG_LEVEL: 'silent' }), ...(pgSchema ? { pgSchema } : {}) });
  try {
    const c = await app.repos.cases.create({ title: 'DHR load test', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } });
    await app.repos.people.replace(c.id, anonymiseWorkload(0).people, []);
    const report = { sheet: 'Chronology', headerRow: 1, mapping: {}, unrecognisedColumns: [], warnings: [] };
    for (let a = 0; a < SEED_AGENCIES; a++) {
      const n = Math.floor(entries / SEED_AGENCIES) + (a < entries % SEED_AGENCIES ? 1 : 0);
      const agency = `Seeded agency ${String(a).padStart(2, '0')}`;
      await app.repos.submissions.store({ caseId: c.id, agency, fileName: null, sha256: 'seed', uploadedBy: null, entries: entriesInHand(syntheticEntries(a, n), report) });
    }
    return c.id;
  } finally {
    await app.close();
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

function printFigures(samples: Sample[]): void {
  console.log('kind       requests   2xx   4xx   5xx  failed   p50 ms   p99 ms   max ms');
  for (const kind of ['upload', 'timeline', 'health'] as const) {
    const mine = samples.filter((s) => s.kind === kind);
    const ms = mine.map((s) => s.ms);
    const count = (lo: number, hi: number): string => String(mine.filter((s) => s.status >= lo && s.status < hi).length);
    const col = (v: number): string => v.toFixed(0).padStart(8);
    console.log(`${kind.padEnd(9)} ${String(mine.length).padStart(9)} ${count(200, 300).padStart(5)} ${count(400, 500).padStart(5)} ${count(500, 600).padStart(5)} ${count(0, 1).padStart(7)} ${col(pct(ms, 50))} ${col(pct(ms, 99))} ${col(Math.max(0, ...ms))}`);
  }
}

async function main(): Promise<void> {
  const seconds = num('LOAD_SECONDS', 60);
  const authors = num('LOAD_AUTHORS', 20);
  const readers = num('LOAD_READERS', 20);
  const rowCount = num('LOAD_ROWS', 2000);
  const seedEntries = num('LOAD_SEED', 200_000);
  const names = process.env.LOAD_NAMES ?? 'real';
  const databaseUrl = process.env.DATABASE_URL;
  const pgSchema = databaseUrl ? `load_${process.pid}` : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'chron-load-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: String(port), ADMIN_TOKEN: SERVER_TOKEN, LOG_LEVEL: 'error', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  // The server runs compiled, as `npm start` runs it (under tsx it is larger and slower).
  execFileSync(process.execPath, [fileURLToPath(import.meta.resolve('typescript/bin/tsc')), '-p', 'tsconfig.bench.json'], { stdio: 'inherit' });
  const seedStart = performance.now();
  const caseId = await seed(env, pgSchema, seedEntries);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const child = spawn(process.execPath, [...(process.env.LOAD_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []), COMPILED_SERVER, ...(pgSchema ? [pgSchema] : [])], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const auth = { authorization: `Bearer ${SERVER_TOKEN}` };
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${base}/ready`).then((r) => r.ok, () => false)) break;
      if (i > 600 || child.exitCode !== null) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    const rnd = seededRandom(2024);
    // Half the authors send xlsx (built once each), half CSV (a fresh file each time).
    const xlsx: PreparedUpload[] = [];
    for (let a = 0; a < authors; a += 2) xlsx[a] = await xlsxUpload(`Agency ${a + 1}`, rows(rnd, rowCount, `x${a}`));
    const pid = child.pid ?? -1;
    const rssStart = procKiB(pid, 'VmRSS');

    const samples: Sample[] = [];
    const acked = new Map<string, PreparedUpload>();
    const errors: string[] = [];
    const end = Date.now() + seconds * 1000;
    const timed = async (kind: Kind, send: () => Promise<Response>): Promise<Response | null> => {
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
    const reader = async (r: number): Promise<void> => {
      for (let n = 0; Date.now() < end; n++) {
        // One month of the review period (2012–2014), a different one each time.
        const month = (r * 7 + n * 5) % 36;
        const ym = `${2012 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
        await timed('timeline', () => fetch(`${base}/api/cases/${caseId}/timeline?format=json&names=${names}&from=${ym}&to=${ym}`, { headers: auth, signal: AbortSignal.timeout(120_000) }));
      }
    };
    const health = async (): Promise<void> => {
      while (Date.now() < end) {
        await timed('health', () => fetch(`${base}/health`, { signal: AbortSignal.timeout(30_000) }));
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const t0 = performance.now();
    await Promise.all([health(), ...Array.from({ length: authors }, (_, a) => author(a)), ...Array.from({ length: readers }, (_, r) => reader(r))]);
    const wall = (performance.now() - t0) / 1000;
    const rssEnd = procKiB(pid, 'VmRSS');
    const rssPeak = procKiB(pid, 'VmHWM');

    const listed = (await (await fetch(`${base}/api/cases/${caseId}/chronologies`, { headers: auth })).json()) as { submissions: { id: string; entries: number; sha256: string }[] };
    const byId = new Map(listed.submissions.map((s) => [s.id, s]));
    const lost = [...acked].filter(([id, up]) => byId.get(id)?.entries !== up.entries || byId.get(id)?.sha256 !== up.sha256).length;

    console.log(`\nload on ${databaseUrl ? 'PostgreSQL' : 'SQLite'}: a case seeded with ${seedEntries.toLocaleString('en-GB')} entries (${seedSeconds.toFixed(0)} s, bulk writer); ${authors} authors × ${rowCount}-row files (xlsx/csv), ${readers} readers of one month of the JSON timeline (names=${names}), /health every 25 ms; ${wall.toFixed(0)} s on 127.0.0.1`);
    printFigures(samples);
    const mb = (k: number): string => `${(k / 1024).toFixed(0)} MB`;
    console.log(`server RSS: start ${mb(rssStart)}, end ${mb(rssEnd)}, peak ${mb(rssPeak)} (VmHWM)`);
    console.log(`uploads acknowledged ${acked.size}, lost ${lost}; submissions stored ${listed.submissions.length}`);
    if (errors.length) console.log(`client errors (first 5): ${errors.slice(0, 5).join(' | ')}`);
    const fivexx = samples.filter((s) => s.status >= 500).length;
    if (fivexx > 0 || lost > 0 || errors.length > 0) {
      console.error(`FAILED: ${fivexx} 5xx, ${lost} lost uploads, ${errors.length} client errors`);
      process.exitCode = 1;
    }
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl && pgSchema) await dropSchema(databaseUrl, pgSchema);
  }
}

await main();
