// Ingest benchmark steps, one per process: a plain exceljs / csv-parse read, and an upload through the HTTP API to a server process.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import Papa from 'papaparse';
import type { ServerCommand, ServerMessage } from './ingest-server.js';
import { multipartBody } from '../test/reliability/workload.js';
import { measure, report } from './measure.js';

const ADMIN = 'chr_bench_admin_token_0123456789abcdef';

// Each step first reads a small file of the same kind (`warm`) once, unmeasured, so that neither the plain read
// nor the upload includes compiling its code paths: a running server has read files before.

async function exceljsRows(buf: Buffer): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  let rows = 0;
  wb.eachSheet((ws) => ws.eachRow(() => rows++));
  return rows;
}

export async function plainXlsx(file: string, warm: string): Promise<void> {
  await exceljsRows(readFileSync(warm));
  const buf = readFileSync(file);
  report(await measure('plain exceljs load', async () => ({ rows: await exceljsRows(buf), bytes: buf.length })));
}

const csvParseRows = (buf: Buffer): number => (parse(buf, { relax_column_count: true }) as unknown[]).length;

export function plainCsv(file: string, warm: string): Promise<void> {
  csvParseRows(readFileSync(warm));
  const buf = readFileSync(file);
  return measure('plain csv-parse', () => Promise.resolve({ rows: csvParseRows(buf), bytes: buf.length })).then(report);
}

/** The parser the service reads csv with (csv-parse only reads files whose quoting papaparse cannot). */
export function plainPapaparse(file: string, warm: string): Promise<void> {
  const rows = (buf: Buffer): number => Papa.parse(buf.toString('utf8'), { skipEmptyLines: false }).data.length;
  rows(readFileSync(warm));
  const buf = readFileSync(file);
  return measure('plain papaparse (utf-8 decode + parse)', () => Promise.resolve({ rows: rows(buf), bytes: buf.length })).then(report);
}

/** bench/ingest-server.ts compiled with the service, as `npm start` and the image run it (bench/run.ts builds it). */
const COMPILED_SERVER = fileURLToPath(new URL('../dist/bench/ingest-server.js', import.meta.url));

/**
 * Starts the compiled upload server in its own process and waits for its address. BENCH_SERVER_FLAGS adds Node flags
 * to that process only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` or `--trace-gc` to see where an upload's time goes.
 */
async function startServer(): Promise<{ server: ChildProcess; address: string; next: () => Promise<ServerMessage> }> {
  if (!existsSync(COMPILED_SERVER)) throw new Error('no compiled bench server: `npm run bench` builds it (tsc -p tsconfig.bench.json)');
  const flags = process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [];
  const server = fork(COMPILED_SERVER, [ADMIN], { execArgv: flags });
  const inbox: ServerMessage[] = [];
  const waiting: ((m: ServerMessage) => void)[] = [];
  server.on('message', (m: ServerMessage) => {
    const w = waiting.shift();
    if (w) w(m);
    else inbox.push(m);
  });
  const next = (): Promise<ServerMessage> =>
    new Promise((resolve, reject) => {
      const m = inbox.shift();
      if (m) return resolve(m);
      waiting.push(resolve);
      server.once('exit', (code) => reject(new Error(`bench server exited (${code ?? 'signal'})`)));
    });
  const ready = await next();
  if (ready.kind !== 'ready') throw new Error('bench server did not start');
  return { server, address: ready.address, next };
}

/**
 * Uploads the file to a real listening server (SQLite) in its own process, so the peak RSS (VmHWM) and the
 * worst event-loop delay reported are the server's alone: the client here builds a 25 MB form, which is not
 * the server's cost. Wall time is what the client waits; a timer also probes /health during the upload.
 */
export async function upload(file: string, warm: string): Promise<void> {
  const { server, address, next } = await startServer();
  const auth = { authorization: `Bearer ${ADMIN}` };
  const newCase = async (): Promise<string> => {
    const res = await fetch(`${address}/api/cases`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bench', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } }),
    });
    return ((await res.json()) as { id: string }).id;
  };
  // The multipart body is made before the clock starts, as a browser or curl has its file ready to send, and goes
  // out through node:http. undici (fetch) took 15–60 ms to put a 25 MB body on the socket before the server saw the
  // request, and its FormData streaming a Blob 40–60 ms more: none of that is the server's time.
  const send = (caseId: string, form: { body: Buffer; contentType: string }): Promise<{ entries: number }> =>
    new Promise((resolve, reject) => {
      const headers = { ...auth, 'content-type': form.contentType, 'content-length': String(form.body.length) };
      const req = request(`${address}/api/cases/${caseId}/chronologies`, { method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 201) return reject(new Error(`upload answered ${res.statusCode ?? 0}`));
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { submission?: { entries: number } };
          resolve({ entries: body.submission?.entries ?? 0 });
        });
      });
      req.on('error', reject);
      req.end(form.body);
    });
  await send(await newCase(), multipartBody('Police', basename(warm), readFileSync(warm)));
  const caseId = await newCase();
  const buf = readFileSync(file);
  const form = multipartBody('Police', basename(file), buf);
  // Health probes during the upload: the slowest answer is what another user would wait.
  let worstHealthMs = 0;
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const t0 = performance.now();
      await fetch(`${address}/health`);
      worstHealthMs = Math.max(worstHealthMs, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  server.send('start' satisfies ServerCommand);
  if ((await next()).kind !== 'started') throw new Error('bench server did not start measuring');
  const figures = await measure('upload via HTTP (parse in worker + validate + store)', async () => ({
    rows: (await send(caseId, form)).entries,
    bytes: buf.length,
  }));
  probing = false;
  await probe;
  server.send('stop' satisfies ServerCommand);
  const own = await next();
  if (own.kind !== 'figures') throw new Error('bench server sent no figures');
  report({
    ...figures,
    peakRssMb: own.peakRssMb,
    maxLoopDelayMs: own.maxLoopDelayMs,
    note: `server process's own RSS and loop delay; server's own time for the upload ${own.uploadMs} ms; worst /health answer during upload ${Math.round(worstHealthMs)} ms`,
  });
  await new Promise((resolve) => server.once('exit', resolve));
}
