// Ingest benchmark steps, one per process: a plain exceljs / csv-parse read, and an upload through the HTTP API.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { measure, report } from './measure.js';

const ADMIN = 'chr_bench_admin_token_0123456789abcdef';

export async function plainXlsx(file: string): Promise<void> {
  const buf = readFileSync(file);
  report(
    await measure('plain exceljs load', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
      let rows = 0;
      wb.eachSheet((ws) => ws.eachRow(() => rows++));
      return { rows, bytes: buf.length };
    }),
  );
}

export async function plainCsv(file: string): Promise<void> {
  const buf = readFileSync(file);
  report(
    await measure('plain csv-parse', async () => {
      const records = parse(buf, { relax_column_count: true }) as unknown[];
      return { rows: records.length, bytes: buf.length };
    }),
  );
}

/** Uploads the file to a real listening server (SQLite) while a timer probes the event loop. */
export async function upload(file: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chron-bench-'));
  const app = await buildApp({ ...loadConfig({ LOG_LEVEL: 'silent', ADMIN_TOKEN: ADMIN }), dataDir });
  const { ensureAdminToken } = await import('../src/tokens/tokens-repository.js');
  await ensureAdminToken(app.repos.tokens, ADMIN);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const auth = { authorization: `Bearer ${ADMIN}` };
  const c = (await (
    await fetch(`${address}/api/cases`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bench', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } }),
    })
  ).json()) as { id: string };
  const buf = readFileSync(file);
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
  const figures = await measure('upload via HTTP (parse in worker + validate + store)', async () => {
    const form = new FormData();
    form.append('agency', 'Police');
    form.append('file', new Blob([buf]), basename(file));
    const res = await fetch(`${address}/api/cases/${c.id}/chronologies`, { method: 'POST', headers: auth, body: form });
    const body = (await res.json()) as { submission?: { entries: number } };
    if (res.status !== 201) throw new Error(`upload answered ${res.status}`);
    return { rows: body.submission?.entries ?? 0, bytes: buf.length };
  });
  probing = false;
  await probe;
  report({ ...figures, note: `worst /health answer during upload ${Math.round(worstHealthMs)} ms` });
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
