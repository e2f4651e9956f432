// Merge-and-export benchmark steps: 20 agencies × 5 000 entries through GET /timeline, and a plain exceljs write.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { buildApp } from '../src/app.js';
import type { EntryInput } from '../src/chronology/types.js';
import { loadConfig } from '../src/config.js';
import { ensureAdminToken } from '../src/tokens/tokens-repository.js';
import { anonymiseWorkload } from './anonymise-workload.js';
import { measure, report } from './measure.js';

const ADMIN = 'chr_bench_admin_token_0123456789abcdef';
const AGENCIES = 20;
const PER_AGENCY = 5000;

const NARRATIVE = [
  'Officers attended following a 999 call; DASH completed and graded medium risk. Referral made to the IDVA service.',
  'Seen in surgery with bruising to the upper arm; said she had walked into a door. Safety at home discussed.',
  'Housing officer visit about rent arrears; tenant disclosed that her partner controls the money.',
  'IDVA telephone contact; safety plan reviewed and MARAC referral considered.',
];

export function syntheticEntries(agency: number, n: number): EntryInput[] {
  return Array.from({ length: n }, (_, i) => {
    const day = ((i + agency) % 28) + 1;
    const month = ((i >> 5) % 12) + 1;
    const year = 2012 + ((i >> 9) % 3);
    return {
      date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      datePrecision: 'day',
      time: i % 3 === 0 ? null : `${String(8 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
      source: `Record system ${agency}`,
      professional: `Officer ${i % 50}`,
      contact: 'Adult A',
      event: `${NARRATIVE[(i + agency) % NARRATIVE.length] ?? ''} ${i % 5 === 0 ? 'Sarah Thompson told Mark Reid to leave. ' : ''}Log ${agency}-${i}.`,
      outcome: i % 4 === 0 ? 'No further action' : null,
      seen: i % 2 === 0,
      comment: null,
      agency: null,
      extra: {},
      sheet: 'Chronology',
      row: i + 2,
      dateText: null,
      timeText: null,
    };
  });
}

/** Stores 20 × 5 000 entries (not timed), then times one export through the route, consuming the whole body. */
export async function exportTimeline(format: string, names = 'real', agencies = AGENCIES): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chron-bench-'));
  const app = await buildApp({ ...loadConfig({ LOG_LEVEL: 'silent' }), dataDir });
  await ensureAdminToken(app.repos.tokens, ADMIN);
  const c = await app.repos.cases.create({ title: 'Bench', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } });
  const subs = app.repos.submissions;
  await app.repos.people.replace(c.id, anonymiseWorkload(0).people);
  for (let a = 0; a < agencies; a++) {
    const entries = syntheticEntries(a, PER_AGENCY);
    await subs.store({ caseId: c.id, agency: `Agency ${String(a).padStart(2, '0')}`, fileName: null, sha256: 'x', uploadedBy: null, entries, report: { sheet: 'x', headerRow: 1, mapping: {}, unrecognisedColumns: [], warnings: [] } });
  }
  const figures = await measure(`GET /timeline format=${format} names=${names}, ${agencies * PER_AGENCY} entries`, async () => {
    const res = await app.inject({ method: 'GET', url: `/api/cases/${c.id}/timeline?format=${format}&names=${names}`, headers: { authorization: `Bearer ${ADMIN}` } });
    if (res.statusCode !== 200) throw new Error(`export answered ${res.statusCode}`);
    return { rows: agencies * PER_AGENCY, bytes: res.rawPayload.length };
  });
  report(figures);
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}

/** The baseline: exceljs's streaming writer with the same 100 000 rows and columns, to a sink. */
export async function plainXlsxWrite(): Promise<void> {
  const rows = Array.from({ length: AGENCIES }, (_, a) => syntheticEntries(a, PER_AGENCY)).flat();
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      bytes += chunk.length;
      cb();
    },
  });
  report(
    await measure('plain exceljs streaming write, same rows', async () => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
      const ws = wb.addWorksheet('Combined chronology');
      for (const e of rows) ws.addRow([e.date, e.time, `Agency`, e.source, e.professional, e.contact, e.event, e.outcome, e.seen ? 'Yes' : 'No', e.comment, '']).commit();
      ws.commit();
      await wb.commit();
      return { rows: rows.length, bytes };
    }),
  );
}
