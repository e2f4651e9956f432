// Names and cell text never reach the logs: every registered route is exercised, failing ones too, and the log searched.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, multipart, upload } from '../helpers/requests.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));

/** Words that appear in the fixtures and in the requests below; none may appear in a log line. */
const SECRETS = ['Sarah', 'Thompson', 'Mark Reid', 'Helen Fraser', 'Whitfield', 'Birchfields', '07700 900123', 'Siobh', 'Okafor', 'secret-file-name'];

describe('logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { logLevel: 'trace' });
  });
  afterAll(async () => t.close());

  it('hold no names, cell text, file names, tokens or query text after every kind of request', async () => {
    const caseId = await createCase(t, 'DHR 2024/03 — Adult A');
    const call = (req: Parameters<TestApp['call']>[0]) => t.call(req);
    await upload(t, caseId, 'Police', 'secret-file-name Sarah Thompson.xlsx', fixture('gm-police.xlsx'));
    await upload(t, caseId, 'Police', 'secret-file-name.xlsx', fixture('bad-dates.xlsx'));
    await upload(t, caseId, 'Housing', 'secret-file-name.csv', fixture('housing-1252.csv'));
    await upload(t, caseId, 'Police', 'secret-file-name.xls', fixture('gm-police.xls'));
    await upload(t, caseId, 'Ambulance', 'secret-file-name.ods', fixture('gm-police.ods'));
    await upload(t, caseId, 'GP', 'secret-file-name Sarah Thompson.docx', fixture('darlington-gp.docx'));
    await call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency: 'GP', entries: [{ date: '31/02/2013', event: 'Sarah Thompson seen by Dr Okafor' }] } });
    await call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: '{"agency": "GP", "entries": [Sarah Thompson' , headers: { 'content-type': 'application/json' } });
    await call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people: [{ name: 'Sarah Thompson', role: 'victim' }, { name: 'Mark Reid', role: 'perpetrator' }] } });
    await call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people: [{ name: 'Sarah Thompson', role: 'victim' }, { name: 'Sam Taylor', role: 'family' }] } });
    for (const names of ['real', 'initials']) {
      for (const format of ['json', 'csv', 'xlsx', 'docx']) {
        await call({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=${names}&format=${format}&q=Sarah%20Thompson&person=Sarah%20Thompson` });
      }
    }
    await call({ method: 'POST', url: `/api/cases/${caseId}/redaction-check`, payload: { text: 'Sarah Thompson called from 07700 900123' } });
    await call({ method: 'POST', url: '/api/redaction-check', payload: { text: 'Mark Reid at 14 Birchfields Road', people: [{ name: 'Mark Reid', role: 'perpetrator' }] } });
    await call({
      method: 'POST',
      url: '/api/merge?format=csv',
      ...multipart([
        { name: 'agency', value: 'Police' },
        { name: 'file', filename: 'secret-file-name.xlsx', content: fixture('gm-police.xlsx') },
        { name: 'people', value: JSON.stringify([{ name: 'Sarah Thompson', role: 'victim' }]) },
      ]),
    });
    await call({ method: 'GET', url: '/api/cases/Sarah-Thompson' });
    await call({ method: 'GET', url: '/api/cases', token: 'chr_Sarah_Thompson_is_not_a_token' });
    await call({ method: 'POST', url: '/api/cases', payload: { title: 'Sarah Thompson', reviewPeriod: { from: 'Sarah', to: '2014-01-01' } } });

    // Every registered route, the ones added since this list was written too, with names in its path, query and body.
    const body = { text: 'Sarah Thompson rang 07700 900123', agency: 'Sarah Thompson', title: 'Mark Reid', people: [{ name: 'Mark Reid', role: 'perpetrator' }], decisions: [{ text: 'Sarah Thompson', decision: 'keep' }], entries: [{ date: '03/04/2013', event: 'Helen Fraser saw Sarah Thompson' }] };
    const routes = t.app.accessRoutes.filter((r) => r.method !== 'HEAD' && r.access !== 'public');
    // Deletions last: purging the case first would leave every later request a bare 404.
    for (const r of [...routes.filter((x) => x.method !== 'DELETE'), ...routes.filter((x) => x.method === 'DELETE')]) {
      const url = `${r.url.replace(':caseId', caseId).replace(/:[A-Za-z]+/g, 'Sarah-Thompson')}?q=Sarah%20Thompson&person=Mark%20Reid&agency=Okafor`;
      await call({ method: r.method as 'GET', url, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: body }) });
    }
    const logs = t.logs();
    expect(logs.length).toBeGreaterThan(1000);
    for (const secret of SECRETS) expect(logs, `log mentions ${secret}`).not.toContain(secret);
    expect(logs).not.toContain('chr_test_admin_token');
    expect(logs).not.toMatch(/authorization"\s*:\s*"Bearer/i);
  });
});
