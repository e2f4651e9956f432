// The audit trail records every action of a case with who, what and outcome, and never a name or cell text.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, upload } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));

interface AuditEvent {
  seq: number;
  at: string;
  actor: { tokenId: string | null; role: string | null };
  action: string;
  outcome: string;
  detail: Record<string, unknown>;
}

describe.each(storeKinds)('audit trail on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  it('records uploads, replacements, dry runs, exports, map changes, checks, tokens and refusals — without names', async () => {
    const caseId = await createCase(t);
    const author = (await t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'author', caseId, agency: 'Police', label: 'author' } })).json() as { id: string; token: string };
    const reader = (await t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'reader', caseId, label: 'reader' } })).json() as { id: string; token: string };
    await upload(t, caseId, 'Police', 'gm.xlsx', fixture('gm-police.xlsx'), { token: author.token });
    await upload(t, caseId, 'Police', 'gm.xlsx', fixture('gm-police.xlsx'), { token: author.token });
    await upload(t, caseId, 'Police', 'gm.xlsx', fixture('gm-police.xlsx'), { token: author.token, query: '?dryRun=true' });
    await upload(t, caseId, 'GP', 'gp.xlsx', fixture('darlington-gp.xlsx'), { token: author.token });
    await t.call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people: [{ name: 'Sarah Thompson', role: 'victim' }] } });
    await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?format=xlsx&names=initials` });
    await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=real`, token: reader.token });
    await t.call({ method: 'GET', url: `/api/cases/${caseId}/people`, token: reader.token });
    await t.call({ method: 'POST', url: `/api/cases/${caseId}/redaction-check`, payload: { text: 'Sarah Thompson was seen.' } });
    await t.call({ method: 'DELETE', url: `/api/tokens/${reader.id}` });

    const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/audit` });
    expect(res.statusCode).toBe(200);
    const events = (res.json() as { events: AuditEvent[] }).events;
    const has = (action: string, outcome: string, detail: Record<string, unknown> = {}) =>
      expect(events.some((e) => e.action === action && e.outcome === outcome && Object.entries(detail).every(([k, v]) => e.detail[k] === v)), `${action} ${outcome} ${JSON.stringify(detail)}`).toBe(true);
    has('case.create', 'ok');
    has('token.create', 'ok', { role: 'author' });
    has('chronology.upload', 'ok', { version: 1, replaced: false });
    has('chronology.upload', 'ok', { version: 2, replaced: true });
    has('chronology.dry-run', 'ok');
    has('chronology.upload', 'refused', { reason: 'other agency' });
    has('people.replace', 'ok');
    has('timeline.export', 'ok', { format: 'xlsx', names: 'initials' });
    has('timeline.export', 'refused', { format: 'json', names: 'real' });
    has('access', 'refused', { attempted: 'people:read' });
    has('redaction.check', 'ok', { source: 'text' });
    has('token.revoke', 'ok');
    for (const e of events) {
      expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(e.actor.role).toMatch(/^(admin|chair|author|reader)$/);
    }
    const text = JSON.stringify(events);
    for (const secret of ['Sarah', 'Thompson', 'gm.xlsx', 'Whitfield', author.token]) expect(text).not.toContain(secret);
  });

  it('pages with after/next and filters by action', async () => {
    const caseId = await createCase(t);
    for (let i = 0; i < 5; i++) await t.call({ method: 'PATCH', url: `/api/cases/${caseId}`, payload: { title: `Title ${i}` } });
    const first = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/audit?action=case.update&limit=3` })).json() as { events: AuditEvent[]; next: number };
    expect(first.events).toHaveLength(3);
    expect(first.events.every((e) => e.action === 'case.update')).toBe(true);
    const second = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/audit?action=case.update&limit=3&after=${first.next}` })).json() as { events: AuditEvent[]; next: number | null };
    expect(second.events).toHaveLength(2);
    expect(second.next).toBeNull();
    expect(second.events[0]?.seq).toBeGreaterThan(first.next);
  });
});
