// PDF export benchmark steps: the writer alone, pdfkit's simplest text flow with the same rows and font (the
// baseline), and GET /timeline?format=pdf through the route; each reports pages and pages/s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { buildApp } from '../src/app.js';
import type { TimelineEntry } from '../src/chronology/types.js';
import { loadConfig } from '../src/config.js';
import { TIMELINE_COLUMNS, timelineRowTexts } from '../src/export/columns.js';
import { pdfFonts } from '../src/export/pdf-fonts.js';
import { writeTimelinePdf } from '../src/export/to-pdf.js';
import { entriesInHand } from '../src/submissions/submissions-repository.js';
import { ensureAdminToken } from '../src/tokens/tokens-repository.js';
import { anonymiseWorkload } from './anonymise-workload.js';
import { syntheticEntries } from './export-cases.js';
import { measure, report } from './measure.js';
import { countingSink } from './server-probe.js';

const ADMIN = 'chr_bench_admin_token_0123456789abcdef';
const PER_AGENCY = 5000;

/** The bench's synthetic entries as merged timeline rows, made one at a time. */
function* timelineRows(n: number): Generator<TimelineEntry> {
  for (let a = 0; a * PER_AGENCY < n; a++) {
    const agency = `Agency ${String(a).padStart(2, '0')}`;
    for (const [i, e] of syntheticEntries(a, Math.min(PER_AGENCY, n - a * PER_AGENCY)).entries()) {
      yield {
        id: `${a}-${i}`,
        date: e.date,
        datePrecision: e.datePrecision,
        time: e.time,
        agency,
        source: e.source,
        professional: e.professional,
        contact: e.contact,
        event: e.event,
        outcome: e.outcome,
        seen: e.seen,
        comment: e.comment,
        extra: {},
        flags: [],
        duplicateOf: [],
        provenance: { submissionId: `s${a}`, sheet: e.sheet, row: e.row },
      };
    }
  }
}


const CONTEXT = {
  caseTitle: 'Bench',
  reviewPeriod: { from: '2012-01-01', to: '2014-12-31' },
  submissions: [],
  generatedAt: new Date('2026-12-01T12:00:00Z'),
  namesMode: 'initials' as const,
  signOff: { state: 'none' as const },
};

const pagesNote = (pages: number, seconds: number): string => `${pages} pages, ${Math.round(pages / seconds)} pages/s`;

/** src/export/to-pdf.ts alone: n rows to a sink. */
export async function pdfWriter(n: number): Promise<void> {
  let pages = 0;
  const f = await measure(`PDF writer (hand-laid table), ${n} entries`, async () => {
    const { sink, bytes } = countingSink();
    pages = (await writeTimelinePdf(timelineRows(n), CONTEXT, sink)).pages;
    return { rows: n, bytes: bytes() };
  });
  report({ ...f, note: pagesNote(pages, f.seconds) });
}

/** The baseline: pdfkit's own text flow (doc.text wraps and adds pages), the same rows as one paragraph each, same font. */
export async function pdfPlainFlow(n: number): Promise<void> {
  let pages = 0;
  const f = await measure(`baseline: pdfkit text flow, same rows and font, ${n} entries`, async () => {
    const { sink, bytes } = countingSink();
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 28 });
    doc.on('pageAdded', () => pages++);
    pages = 1;
    const done = new Promise<void>((resolve) => sink.on('finish', resolve));
    doc.pipe(sink);
    doc.registerFont('regular', pdfFonts().regular);
    doc.font('regular').fontSize(8);
    for (const e of timelineRows(n)) {
      const texts = timelineRowTexts(e);
      doc.text(TIMELINE_COLUMNS.map((c) => texts[c]).filter((t) => t !== '').join(' | '));
    }
    doc.end();
    await done;
    return { rows: n, bytes: bytes() };
  });
  report({ ...f, note: pagesNote(pages, f.seconds) });
}

/** GET /timeline?format=pdf (anonymised) through the route, 5 000 entries an agency, the body consumed whole. */
export async function exportPdf(agencies: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chron-bench-'));
  const app = await buildApp({ ...loadConfig({ LOG_LEVEL: 'silent' }), dataDir });
  await ensureAdminToken(app.repos.tokens, ADMIN);
  const c = await app.repos.cases.create({ title: 'Bench', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } });
  await app.repos.people.replace(c.id, anonymiseWorkload(0).people, []);
  for (let a = 0; a < agencies; a++) {
    const entries = syntheticEntries(a, PER_AGENCY);
    await app.repos.submissions.store({ caseId: c.id, agency: `Agency ${String(a).padStart(2, '0')}`, fileName: null, sha256: 'x', uploadedBy: null, entries: entriesInHand(entries, { sheet: 'x', headerRow: 1, mapping: {}, unrecognisedColumns: [], warnings: [] }) });
  }
  let pages = 0;
  const f = await measure(`GET /timeline format=pdf names=initials, ${agencies * PER_AGENCY} entries`, async () => {
    const res = await app.inject({ method: 'GET', url: `/api/cases/${c.id}/timeline?format=pdf`, headers: { authorization: `Bearer ${ADMIN}` } });
    if (res.statusCode !== 200) throw new Error(`export answered ${res.statusCode}`);
    // Page objects are plain dictionaries in the file (pdfkit writes no object streams).
    pages = res.rawPayload.toString('latin1').match(/\/Type \/Page\n/g)?.length ?? 0;
    return { rows: agencies * PER_AGENCY, bytes: res.rawPayload.length };
  });
  report({ ...f, note: pagesNote(pages, f.seconds) });
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
