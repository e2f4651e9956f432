// Export benchmark steps through the real route: a store of n entries seeded once under data/bench (through the
// store's bulk writer, not HTTP), a compiled server in its own process, and a client that streams the body and
// probes /health meanwhile. Also the plain library writes of the same rows that each is shown beside.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import Papa from 'papaparse';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { entriesInHand } from '../src/submissions/submissions-repository.js';
import { anonymiseWorkload } from './anonymise-workload.js';
import { syntheticEntries } from './export-cases.js';
import { BENCH_DIR } from './generate.js';
import type { ExportServerCommand, ExportServerMessage } from './export-server.js';
import { measure, report } from './measure.js';
import { countingSink } from './server-probe.js';

const ADMIN = 'chr_bench_admin_token_0123456789abcdef';
/** Agencies in every seeded case; each holds n / AGENCIES entries. */
const AGENCIES = 20;
const COMPILED_SERVER = fileURLToPath(new URL('../dist/bench/export-server.js', import.meta.url));

/** A case of n entries (20 agencies, a 50-person map), seeded once into data/bench/export-<n> and reused. */
async function seededStore(n: number): Promise<{ dataDir: string; caseId: string }> {
  const dataDir = join(BENCH_DIR, `export-${n}`);
  const marker = join(dataDir, 'seeded.json');
  if (existsSync(marker)) return { dataDir, caseId: (JSON.parse(readFileSync(marker, 'utf8')) as { caseId: string }).caseId };
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const app = await buildApp({ ...loadConfig({ LOG_LEVEL: 'silent' }), dataDir });
  const c = await app.repos.cases.create({ title: 'Bench', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } });
  await app.repos.people.replace(c.id, anonymiseWorkload(0).people, []);
  for (let a = 0; a < AGENCIES; a++) {
    const entries = syntheticEntries(a, n / AGENCIES);
    const report = { sheet: 'x', headerRow: 1, mapping: {}, unrecognisedColumns: [], warnings: [] };
    await app.repos.submissions.store({ caseId: c.id, agency: `Agency ${String(a).padStart(2, '0')}`, fileName: null, sha256: 'x', uploadedBy: null, entries: entriesInHand(entries, report) });
  }
  await app.close();
  writeFileSync(marker, JSON.stringify({ caseId: c.id }));
  return { dataDir, caseId: c.id };
}

/** GET /timeline of an n-entry case in `format` through a real server; the client counts the bytes as they come. */
export async function exportRoute(format: string, n: number, names: string): Promise<void> {
  const { dataDir, caseId } = await seededStore(n);
  if (!existsSync(COMPILED_SERVER)) throw new Error('no compiled bench server: `npm run bench` builds it (tsc -p tsconfig.bench.json)');
  const server = fork(COMPILED_SERVER, [ADMIN, dataDir]);
  const inbox: ExportServerMessage[] = [];
  const waiting: ((m: ExportServerMessage) => void)[] = [];
  server.on('message', (m: ExportServerMessage) => (waiting.shift() ?? ((x: ExportServerMessage) => inbox.push(x)))(m));
  const next = (): Promise<ExportServerMessage> => new Promise((resolve) => (inbox.length ? resolve(inbox.shift() as ExportServerMessage) : waiting.push(resolve)));
  const ready = await next();
  if (ready.kind !== 'ready') throw new Error('bench server did not start');
  const url = `${ready.address}/api/cases/${caseId}/timeline?format=${format}&names=${names}`;
  const get = (query = ''): Promise<number> =>
    new Promise((resolve, reject) => {
      request(`${url}${query}`, { headers: { authorization: `Bearer ${ADMIN}` } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`export answered ${res.statusCode ?? 0}`));
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => (res.complete ? resolve(bytes) : reject(new Error('export cut short'))));
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
  // Unmeasured first: the same export of the case's last days, so the figure is not the worker's start and JIT warm-up.
  await get('&from=2014-12-20');
  let worstHealthMs = 0;
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const t0 = performance.now();
      await fetch(`${ready.address}/health`);
      worstHealthMs = Math.max(worstHealthMs, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  server.send('start' satisfies ExportServerCommand);
  if ((await next()).kind !== 'started') throw new Error('bench server did not start measuring');
  const figures = await measure(`GET /timeline format=${format} names=${names}, ${n.toLocaleString('en-GB')} entries`, async () => ({ rows: n, bytes: await get() }));
  probing = false;
  await probe;
  server.send('stop' satisfies ExportServerCommand);
  const own = await next();
  if (own.kind !== 'figures') throw new Error('bench server sent no figures');
  report({ ...figures, peakRssMb: own.peakRssMb, maxLoopDelayMs: own.maxLoopDelayMs, note: `server's own peak RSS (${ready.rssMb} MB at start) and loop delay; worst /health answer ${Math.round(worstHealthMs)} ms` });
  await new Promise((resolve) => server.once('exit', resolve));
}

/** The same rows as the seeded case's, one agency after another (unmerged: a library's write, not ours). */
function* benchRows(n: number): Generator<{ agency: string; e: ReturnType<typeof syntheticEntries>[number] }> {
  for (let a = 0; a < AGENCIES; a++) for (const e of syntheticEntries(a, n / AGENCIES)) yield { agency: `Agency ${String(a).padStart(2, '0')}`, e };
}


/** Baseline: papaparse's unparse of the same rows, 5 000 at a time, to a sink. */
export async function plainCsvWrite(n: number): Promise<void> {
  report(
    await measure(`plain papaparse unparse, same rows, ${n.toLocaleString('en-GB')}`, async () => {
      const { sink, bytes } = countingSink();
      let batch: unknown[][] = [];
      const flush = () => {
        sink.write(Papa.unparse(batch, { newline: '\r\n' }) + '\r\n');
        batch = [];
      };
      for (const { agency, e } of benchRows(n)) {
        batch.push([e.date, e.time, agency, e.source, e.professional, e.contact, e.event, e.outcome, e.seen ? 'Yes' : 'No', e.comment, '']);
        if (batch.length === 5000) flush();
      }
      if (batch.length) flush();
      await new Promise<void>((resolve) => sink.end(resolve));
      return { rows: n, bytes: bytes() };
    }),
  );
}

/** Baseline: the `docx` package, a landscape document with one table of the same rows, packed to a buffer. */
export async function plainDocxWrite(n: number): Promise<void> {
  const cell = (t: string | null) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: t ?? '', font: 'Arial', size: 22 })] })] });
  report(
    await measure(`plain docx package (Packer.toBuffer), same rows, ${n.toLocaleString('en-GB')}`, async () => {
      const rows = [...benchRows(n)].map(({ agency, e }) => new TableRow({ children: [e.date, e.time, agency, e.event, e.outcome, e.comment].map(cell) }));
      const doc = new Document({ sections: [{ properties: { page: { size: { orientation: 'landscape' } } }, children: [new Table({ rows })] }] });
      const buf = await Packer.toBuffer(doc);
      return { rows: n, bytes: buf.length };
    }),
  );
}
