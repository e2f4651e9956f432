// Canaries: every route × every names mode and format, as each kind of outsider, holds nothing it may not see;
// logs and the audit trail hold no names, cell text or file names. Routes come from the app's own list, so new
// routes are swept the day they are added.
import { text } from 'node:stream/consumers';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { multipart } from '../helpers/requests.js';
import { pdfAllText } from '../export/pdf-tools.js';
import { storeKinds } from '../helpers/stores.js';

const OWN = 'Greater Manchester Police';
const BROOK = 'Brook Sexual Health Clinic';
const HAVEN = 'Safe Haven Refuge';

/** Real names: mapped (Sarah Thompson, Mark Reid) and unmapped (Derek Ashworth, only in Brook's text; Helen Fraser). */
const MAPPED = ['Sarah', 'Thompson', 'Mark Reid'];
const UNMAPPED = ['Derek', 'Ashworth', 'Helen', 'Fraser'];
/** What of the other agencies must never reach the police author: their names, file name and cell text. */
const OTHER_AGENCIES = ['Brook', 'Haven', 'Refuge', 'brook-canary', 'CANARY-BROOK', 'CANARY-HAVEN', 'Ashworth'];
/** Everything of case A, which the chair of case B may not learn exists. */
const CASE_A = ['Quillfeather', OWN, ...OTHER_AGENCIES, ...MAPPED, 'CANARY-POLICE'];
/** Everything of case B, which nobody of case A may see. */
const CASE_B = ['Zephyrine', 'Yolanda', 'Pritchard', 'CANARY-ZETA', 'Zeta Housing'];
/** Cell text and file names: in no log line and no audit event. */
const NEVER_LOGGED = [...MAPPED, ...UNMAPPED, 'CANARY-', 'brook-canary', 'Yolanda', 'Pritchard', 'Quillfeather', 'Zephyrine'];

async function zipText(zip: Buffer): Promise<string> {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const parts: string[] = [];
  try {
    for await (const entry of file.eachEntry()) parts.push(entry.fileName, (await text(await file.openReadStreamPromise(entry))).replace(/<[^>]+>/g, ' '));
  } finally {
    file.close();
  }
  return parts.join('\n');
}

/** All a client receives: headers, and the body as text (xlsx and docx unzipped, every member; a PDF's text and metadata). */
async function received(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  const body = /openxmlformats/.test(type) ? await zipText(res.rawPayload) : type === 'application/pdf' ? await pdfAllText(res.rawPayload) : res.body;
  return `${JSON.stringify(res.headers)}\n${body}`;
}

type Request = Pick<InjectOptions, 'method' | 'url' | 'payload' | 'headers'>;

const FORMATS = ['json', 'csv', 'xlsx', 'docx', 'pdf'];
const NAMES = ['initials', 'pseudonym', 'real'];

describe.each(storeKinds)('canaries on %s', (kind) => {
  let t: TestApp;
  let caseA: string;
  let caseB: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(kind, { logLevel: 'trace' });
    const open = async (title: string): Promise<string> =>
      ((await t.call({ method: 'POST', url: '/api/cases', payload: { title, reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } } })).json() as { id: string }).id;
    caseA = await open('DHR 2024/03 Quillfeather');
    caseB = await open('DHR 2024/07 Zephyrine');
    const store = async (caseId: string, agency: string, events: string[]) => {
      const res = await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency, entries: events.map((event, i) => ({ date: `0${i + 3}/04/2013`, event, professional: 'PC 4471 Helen Fraser' })) } });
      expect(res.statusCode, res.body).toBe(201);
    };
    await store(caseA, OWN, ['CANARY-POLICE: officers spoke to Sarah Thompson at home; Mark Reid was arrested.']);
    const brook = await t.call({
      method: 'POST',
      url: `/api/cases/${caseA}/chronologies`,
      ...multipart([
        { name: 'agency', value: BROOK },
        { name: 'file', filename: 'brook-canary.csv', content: Buffer.from('Date,Event\r\n03/04/2013,CANARY-BROOK: Sarah Thompson attended the clinic with Derek Ashworth.\r\n') },
      ]),
    });
    expect(brook.statusCode, brook.body).toBe(201);
    await store(caseA, HAVEN, ['CANARY-HAVEN: Sarah Thompson was given a room.']);
    await t.call({ method: 'PUT', url: `/api/cases/${caseA}/people`, payload: { people: [{ name: 'Sarah Thompson', role: 'victim', pseudonym: 'Adult A' }, { name: 'Mark Reid', role: 'perpetrator' }] } });
    await store(caseB, 'Zeta Housing Trust', ['CANARY-ZETA: Yolanda Pritchard moved out.']);
    await t.call({ method: 'PUT', url: `/api/cases/${caseB}/people`, payload: { people: [{ name: 'Yolanda Pritchard', role: 'victim' }] } });
    const token = async (body: object): Promise<string> => ((await t.call({ method: 'POST', url: '/api/tokens', payload: { label: 'canary', ...body } })).json() as { token: string }).token;
    tokens.author = await token({ role: 'author', caseId: caseA, agency: OWN });
    tokens.reader = await token({ role: 'reader', caseId: caseA });
    tokens.otherChair = await token({ role: 'chair', caseId: caseB });
  });
  afterAll(async () => t.close());

  /** Every registered route as a request (parameters filled, no body), and the timeline in every format and mode. */
  function sweep(caseId: string): Request[] {
    const out: Request[] = [];
    for (const r of t.app.accessRoutes) {
      if (r.method === 'HEAD' || r.access === 'public' || r.method === 'DELETE') continue;
      out.push({ method: r.method as Request['method'], url: r.url.replace(':caseId', caseId).replace(/:[A-Za-z]+/g, 'none') });
    }
    for (const format of FORMATS) for (const names of NAMES) out.push({ method: 'GET', url: `/api/cases/${caseId}/timeline?format=${format}&names=${names}` });
    out.push({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=real&agency=${encodeURIComponent(BROOK)}&q=Ashworth` });
    out.push({ method: 'GET', url: `/api/cases/${caseId}/timeline?person=Derek%20Ashworth` });
    return out;
  }

  async function leaks(token: string, requests: Request[], forbidden: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const req of requests) {
      const res = await t.call({ ...req, token });
      const all = await received(res);
      for (const c of forbidden) if (all.includes(c)) found.push(`${req.method} ${req.url} (${res.statusCode}) holds "${c}"`);
    }
    return found;
  }

  it('the police author sees nothing of the other agencies, nor of case B, anywhere', async () => {
    const found = await leaks(tokens.author ?? '', [...sweep(caseA), ...sweep(caseB)], [...OTHER_AGENCIES, ...CASE_B]);
    expect(found).toEqual([]);
    // It does see its own agency's real text (the canary is not blind).
    const own = await t.call({ method: 'GET', url: `/api/cases/${caseA}/timeline?names=real`, token: tokens.author });
    expect(own.body).toContain('CANARY-POLICE');
  });

  it('once the chair shares the anonymised timeline, the author gets other agencies’ entries but no real name from them', async () => {
    await t.call({ method: 'PATCH', url: `/api/cases/${caseA}`, payload: { authorsSeeMergedTimeline: true } });
    try {
      const found = await leaks(tokens.author ?? '', sweep(caseA), ['Derek', 'Ashworth', 'brook-canary', ...CASE_B]);
      expect(found).toEqual([]);
      const shared = await t.call({ method: 'GET', url: `/api/cases/${caseA}/timeline`, token: tokens.author });
      expect(shared.body).toContain('CANARY-BROOK');
    } finally {
      await t.call({ method: 'PATCH', url: `/api/cases/${caseA}`, payload: { authorsSeeMergedTimeline: false } });
    }
  });

  it('the reader gets no real name, mapped or not, in any format or mode, nor anything of case B', async () => {
    const found = await leaks(tokens.reader ?? '', [...sweep(caseA), ...sweep(caseB)], [...MAPPED, ...UNMAPPED, ...CASE_B]);
    expect(found).toEqual([]);
    const anon = await t.call({ method: 'GET', url: `/api/cases/${caseA}/timeline?names=pseudonym`, token: tokens.reader });
    expect(anon.body).toContain('Adult A');
  });

  it('the chair of case B learns nothing of case A from any answer, errors included', async () => {
    const found = await leaks(tokens.otherChair ?? '', sweep(caseA), CASE_A);
    expect(found).toEqual([]);
  });

  it('logs and the audit trail hold no names, cell text or file names after all of it', async () => {
    for (const req of sweep(caseA)) await t.call(req);
    const logs = t.logs();
    expect(logs.length).toBeGreaterThan(1000);
    for (const c of NEVER_LOGGED) expect(logs, `logs hold "${c}"`).not.toContain(c);
    const events = await t.store.database.db.selectFrom('audit_events').selectAll().execute();
    expect(events.length).toBeGreaterThan(50);
    const audit = JSON.stringify(events);
    for (const c of NEVER_LOGGED) expect(audit, `audit holds "${c}"`).not.toContain(c);
  });
});
