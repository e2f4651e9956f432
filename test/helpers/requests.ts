// Small builders for the requests tests send: a case, a multipart upload, a look at the stored timeline.
import type { TestApp } from './app.js';

export async function createCase(t: TestApp, title = 'DHR 2024/03 — Adult A', from = '2012-01-01', to = '2014-12-31'): Promise<string> {
  const res = await t.call({ method: 'POST', url: '/api/cases', payload: { title, reviewPeriod: { from, to } } });
  if (res.statusCode !== 201) throw new Error(`case not created: ${res.statusCode}`);
  return (res.json() as { id: string }).id;
}

/** A multipart/form-data body with the given fields and files, in order. */
export function multipart(parts: ({ name: string; value: string } | { name: string; filename: string; content: Buffer; type?: string })[]): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = `----chronology${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in p) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
      );
      chunks.push(p.content, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(t: TestApp, caseId: string, agency: string, filename: string, content: Buffer, opts: { token?: string; query?: string } = {}) {
  const body = multipart([
    { name: 'agency', value: agency },
    { name: 'file', filename, content },
  ]);
  return t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies${opts.query ?? ''}`, ...body, ...(opts.token ? { token: opts.token } : {}) });
}

/** The fields of a timeline entry that tests look at. */
export interface TimelineEntry {
  id: string;
  date: string;
  datePrecision: string;
  time: string | null;
  event: string;
  outcome: string | null;
  seen: boolean | null;
  flags: string[];
  provenance: { submissionId: string; row: number };
}

/** The case's merged timeline with real names, one agency's when given. */
export async function realTimeline(t: TestApp, caseId: string, agency?: string): Promise<TimelineEntry[]> {
  const filter = agency === undefined ? '' : `&agency=${encodeURIComponent(agency)}`;
  const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=real${filter}` });
  if (res.statusCode !== 200) throw new Error(`timeline not read: ${res.statusCode}`);
  return (res.json() as { entries: TimelineEntry[] }).entries;
}
