// What the worker-export tests share: a large police chronology to upload, the pool's next outcome, and GETs on a
// real port.
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import type { ExportOutcome } from '../../src/export/export-task.js';
import { ADMIN, type TestApp } from '../helpers/app.js';

/** The people and places the chronology names: none may reach a log or an anonymised export. */
export const NAMED = ['Sarah Thompson', 'Mark Reid', 'Helen Fraser', 'Mill Court'];

/** A police chronology of `n` rows as its author might export it: dates over three years, a few sentences each. */
export function chronologyCsv(n: number): Buffer {
  const lines = ['Date,Time,Source of evidence,Name of professional,Contact with,"Event description, actions taken, decisions made",Comments'];
  for (let i = 0; i < n; i++) {
    const date = `${String((i % 28) + 1).padStart(2, '0')}/${String((Math.floor(i / 28) % 12) + 1).padStart(2, '0')}/${2012 + (Math.floor(i / 336) % 3)}`;
    const event = `Officers attended Flat ${i % 40}, Mill Court after a call about shouting; Sarah Thompson said Mark Reid had left before they arrived. Log ${100000 + i} closed, DASH standard risk, referral to the IDVA service.`;
    lines.push(`${date},${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},Storm log,PC 4471 Helen Fraser,Sarah Thompson,"${event}",Reviewed ${i}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

/** The next export's outcome, as the pool tells it. */
export function nextOutcome(t: TestApp): Promise<ExportOutcome> {
  return new Promise((resolve) => {
    const stop = t.app.exports.onEnded((o) => {
      stop();
      resolve(o);
    });
  });
}

/** Starts the app listening on a free port of 127.0.0.1 and returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

/** A GET as admin on the real port; resolves with the response as soon as its head arrives. */
export const get = (base: string, path: string): Promise<IncomingMessage> =>
  new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers: { authorization: `Bearer ${ADMIN}` } }, resolve).on('error', reject).end();
  });

export const firstChunk = (res: Readable): Promise<Buffer> => new Promise((resolve) => res.once('data', resolve));

export async function readAll(res: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
