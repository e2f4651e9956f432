// Crash test: streams uploads at the real server, SIGKILLs it at seeded random moments, and checks nothing acknowledged was lost or half-stored.
import { openCrashStore, type CrashStore } from './crash-store.js';
import { SERVER_TOKEN, startServer, type RunningServer } from './server-process.js';
import { seededRandom, Workload, type PreparedUpload } from './workload.js';

export interface CrashOptions {
  kind: 'sqlite' | 'postgres';
  kills: number;
  seed: number;
  /** Concurrent uploading clients (3). */
  clients?: number;
  /** The kill comes at a uniformly random moment in [0, this) ms after the server is ready (2500). */
  maxKillDelayMs?: number;
  sizes?: { min: number; max: number };
  /** Distinct xlsx files to upload (4; each takes a moment to build). */
  xlsxPool?: number;
  log?: (line: string) => void;
}

export interface CrashResult {
  kind: 'sqlite' | 'postgres';
  seed: number;
  kills: number;
  acknowledged: number;
  interrupted: number;
  storedAtEnd: number;
  seconds: number;
  failures: string[];
}

interface Ack {
  upload: PreparedUpload;
  version: number;
}

const auth = { authorization: `Bearer ${SERVER_TOKEN}` };

async function createCase(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/cases`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'DHR crash test', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } }),
  });
  if (res.status !== 201) throw new Error(`case not created: ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

class Run {
  readonly acked = new Map<string, Ack>();
  readonly sent = new Set<string>();
  readonly failures: string[] = [];
  interrupted = 0;
  killing = false;

  constructor(
    readonly caseId: string,
    readonly work: Workload,
  ) {}

  fail(kill: number, what: string): void {
    this.failures.push(`after kill ${kill}: ${what}`);
  }

  /** One client: uploads back to back until the server is killed under it. */
  async client(baseUrl: string, kill: number): Promise<void> {
    while (!this.killing) {
      const up = this.work.next();
      this.sent.add(up.sha256);
      let status: number;
      let body: string;
      try {
        const res = await fetch(`${baseUrl}/api/cases/${this.caseId}/chronologies`, {
          method: 'POST',
          headers: { ...auth, 'content-type': up.contentType },
          body: up.body,
        });
        status = res.status;
        body = await res.text();
      } catch (err) {
        // The connection died: the upload's fate is unknown, and it must be all there or not there at all.
        if (this.killing) this.interrupted++;
        else this.fail(kill, `upload failed while the server was up: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      if (status !== 201) {
        this.fail(kill, `upload answered ${status}: ${body.slice(0, 300)}`);
        return;
      }
      const s = (JSON.parse(body) as { submission: { id: string; version: number; entries: number } }).submission;
      if (s.entries !== up.entries) this.fail(kill, `upload of ${up.entries} rows reported ${s.entries} entries`);
      this.acked.set(s.id, { upload: up, version: s.version });
    }
  }

  /** Straight from the store while the server is down. */
  async checkStore(store: CrashStore, kill: number): Promise<number> {
    const integrity = await store.integrity();
    if (integrity !== 'ok') this.fail(kill, `integrity_check: ${integrity}`);
    const rows = await store.submissions();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) {
      if (r.rows !== r.entries) this.fail(kill, `submission ${r.id} declares ${r.entries} entries but has ${r.rows} rows`);
    }
    const agencies = new Map<string, typeof rows>();
    for (const r of rows) agencies.set(r.agency_key, [...(agencies.get(r.agency_key) ?? []), r]);
    for (const [agency, list] of agencies) {
      const current = list.filter((r) => r.current === 1);
      const top = Math.max(...list.map((r) => r.version));
      if (current.length !== 1 || current[0]?.version !== top) {
        this.fail(kill, `${agency}: current versions [${current.map((c) => c.version).join(',')}], highest ${top}`);
      }
      if (new Set(list.map((r) => r.version)).size !== list.length) this.fail(kill, `${agency}: a version number is used twice`);
    }
    for (const [id, ack] of this.acked) {
      const r = byId.get(id);
      if (!r) this.fail(kill, `acknowledged upload ${id} (${ack.upload.agency} v${ack.version}) is not in the store`);
      else if (r.rows !== ack.upload.entries) this.fail(kill, `acknowledged upload ${id} has ${r.rows} rows, expected ${ack.upload.entries}`);
    }
    return rows.length;
  }

  /** Through the API after the restart: what an author would see. */
  async checkApi(baseUrl: string, kill: number): Promise<void> {
    const res = await fetch(`${baseUrl}/api/cases/${this.caseId}/chronologies`, { headers: auth });
    if (res.status !== 200) return this.fail(kill, `GET chronologies answered ${res.status}`);
    type Listed = { id: string; agency: string; version: number; current: boolean; entries: number; sha256: string };
    const list = ((await res.json()) as { submissions: Listed[] }).submissions;
    const byId = new Map(list.map((s) => [s.id, s]));
    for (const [id, ack] of this.acked) {
      const s = byId.get(id);
      if (!s) this.fail(kill, `acknowledged upload ${id} is missing from GET chronologies`);
      else if (s.entries !== ack.upload.entries || s.sha256 !== ack.upload.sha256 || s.version !== ack.version || s.agency !== ack.upload.agency) {
        this.fail(kill, `upload ${id} listed as ${s.agency} v${s.version} ${s.entries} entries ${s.sha256.slice(0, 12)}, acknowledged as ${ack.upload.agency} v${ack.version} ${ack.upload.entries} ${ack.upload.sha256.slice(0, 12)}`);
      }
    }
    for (const s of list) if (!this.sent.has(s.sha256)) this.fail(kill, `submission ${s.id} has a sha256 no client sent`);
    const agencies = new Set(list.map((s) => s.agency.toLowerCase()));
    for (const a of agencies) {
      const mine = list.filter((s) => s.agency.toLowerCase() === a);
      const current = mine.filter((s) => s.current);
      if (current.length !== 1 || current[0]?.version !== Math.max(...mine.map((s) => s.version))) this.fail(kill, `API: ${a} has no single current highest version`);
    }
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function runCrashTest(o: CrashOptions): Promise<CrashResult> {
  const t0 = performance.now();
  const rnd = seededRandom(o.seed);
  const work = new Workload(rnd, o.sizes ?? { min: 200, max: 3000 });
  await work.prepareXlsxPool(o.xlsxPool ?? 4);
  const store = await openCrashStore(o.kind);
  const env = { dataDir: store.dataDir, databaseUrl: store.databaseUrl };
  let server: RunningServer | undefined;
  let storedAtEnd = 0;
  let kills = 0;
  try {
    server = await startServer(env);
    const run = new Run(await createCase(server.baseUrl), work);
    for (let k = 1; k <= o.kills && run.failures.length === 0; k++) {
      const live: RunningServer = server;
      run.killing = false;
      const clients = Array.from({ length: o.clients ?? 3 }, () => run.client(live.baseUrl, k));
      await sleep(Math.floor(rnd() * (o.maxKillDelayMs ?? 2500)));
      run.killing = true;
      await live.kill();
      await Promise.all(clients);
      kills = k;
      storedAtEnd = await run.checkStore(store, k);
      server = await startServer(env);
      await run.checkApi(server.baseUrl, k);
      if (k % 10 === 0 || k === o.kills) {
        o.log?.(`${o.kind}: ${k}/${o.kills} kills, ${run.acked.size} acknowledged, ${run.interrupted} cut off, ${storedAtEnd} stored, ${Math.round((performance.now() - t0) / 1000)} s`);
      }
    }
    return {
      kind: o.kind,
      seed: o.seed,
      kills,
      acknowledged: run.acked.size,
      interrupted: run.interrupted,
      storedAtEnd,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      failures: run.failures,
    };
  } finally {
    await server?.kill();
    await store.dispose();
  }
}
