// The main side of an ingest's entry stream: it ends when the worker's task has ended, not at the worker's last message.
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { EntryStream, postDone, postEntries, type IngestFailure } from '../../src/ingest/entry-stream.js';
import type { EntryInput } from '../../src/chronology/types.js';

const report = { sheet: 'CSV', headerRow: 1, mapping: {}, unrecognisedColumns: [], warnings: [] };
const entry: EntryInput = {
  date: '2013-04-03',
  datePrecision: 'day',
  time: '17:00',
  source: 'GP record',
  professional: 'Dr Sharma',
  contact: 'Adult A',
  event: 'Visit',
  outcome: null,
  seen: true,
  comment: null,
  agency: null,
  extra: { 'Risk level': 'medium' },
  sheet: 'CSV',
  row: 2,
  dateText: '03/04/2013',
  timeText: '17:00',
  ambiguousDate: true,
};
const failure: IngestFailure = { ok: false, failure: { kind: 'over-limit', code: 'too_large', message: 'memory', details: {} } };
const settledWithin = <T>(p: Promise<T>, ms: number): Promise<boolean> =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('EntryStream', () => {
  it('waits for the task to end after the last message, so the pool knows its worker is free before the answer', async () => {
    const { port1, port2 } = new MessageChannel();
    const stream = new EntryStream(port1);
    postEntries(port2, [entry]);
    postDone(port2, { ok: true, report, count: 1 }, { inflatedBytes: 0 });
    const outcome = stream.outcome();
    expect(await settledWithin(outcome, 100)).toBe(false);
    stream.taskEnded();
    expect(await outcome).toEqual({ ok: true, report, count: 1 });
    port2.close();
  });

  it('keeps the batches and outcome when the task ends before its last message is read', async () => {
    const { port1, port2 } = new MessageChannel();
    const stream = new EntryStream(port1);
    stream.taskEnded();
    postEntries(port2, [entry]);
    postDone(port2, { ok: true, report, count: 1 }, { inflatedBytes: 0 });
    expect(await stream.collect()).toEqual({ ok: true, entries: [entry], count: 1, report });
    port2.close();
  });

  it('ends with the failure when the task died without reporting, and with the report when it had reported', async () => {
    const silent = new EntryStream(new MessageChannel().port1);
    silent.taskEnded(failure);
    expect(await silent.outcome()).toEqual(failure);

    const { port1, port2 } = new MessageChannel();
    const reported = new EntryStream(port1);
    postDone(port2, { ok: true, report, count: 0 }, { inflatedBytes: 0 });
    await new Promise((r) => setTimeout(r, 20));
    reported.taskEnded(failure);
    expect(await reported.outcome()).toEqual({ ok: true, report, count: 0 });
  });
});
