// CSV export: BOM, CRLF, RFC 4180 quoting, formula injection, read back with csv-parse.
import { buffer, text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TIMELINE_COLUMNS } from '../../src/export/columns.js';
import { timelineToCsv } from '../../src/export/to-csv.js';
import { sampleTimeline } from './sample-timeline.js';

async function csvBytes(entries = sampleTimeline): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of timelineToCsv(entries)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('timelineToCsv', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', async () => {
    const bytes = await csvBytes();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = bytes.toString('utf8');
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/\r(?!\n)/);
    expect(body.split('\r\n')[0]).toBe('\uFEFFDate,Time,Agency,Source,Professional,Contact,Event,Outcome,Victim seen,Comment,Flags');
  });

  it('quotes quotes, commas and newlines and reads back to the same values', async () => {
    const rows = parse(await csvBytes(), { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];
    expect(rows).toHaveLength(sampleTimeline.length);
    expect(Object.keys(rows[0] ?? {})).toEqual([...TIMELINE_COLUMNS]);
    const police = rows[2];
    expect(police).toEqual({
      Date: '03/04/2013',
      Time: '17:00',
      Agency: 'Police',
      Source: 'Incident log',
      Professional: 'PC HF',
      Contact: 'ST, MR',
      Event: sampleTimeline[2]?.event,
      Outcome: 'Referral to MARAC and the IDVA service.',
      'Victim seen': 'Yes',
      Comment: 'Good practice: DASH completed at the scene.',
      Flags: 'Possible duplicate',
    });
    expect(rows.map((r) => r.Date)).toEqual(['2012', '03/2013', '03/04/2013', '03/04/2013', '18/04/2013', '09/05/2013']);
    expect(rows.map((r) => r['Victim seen'])).toEqual(['', 'Yes', 'Yes', 'No', '', '']);
    expect(rows[0]?.Flags).toBe('Outside review period');
  });

  it('neutralises cells that would run as formulas', async () => {
    const rows = parse(await csvBytes(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[4]?.Event).toBe(`'${sampleTimeline[4]?.event}`);
    expect(rows[4]?.Comment).toBe(`'-5 attempts to contact; "no answer", left card`);
    expect(rows[5]?.Outcome).toBe("'@Housing to report back, Police to flag the address");
    const raw = (await csvBytes()).toString('utf8');
    expect(raw).toContain(`"'-5 attempts to contact; ""no answer"", left card"`);
    expect(raw).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it('streams from an async iterable and writes only the header for no entries', async () => {
    async function* gen(): AsyncGenerator<(typeof sampleTimeline)[number]> {
      yield* sampleTimeline.slice(0, 2);
    }
    const body = await text(timelineToCsv(gen()));
    expect(body.split('\r\n')).toHaveLength(4);
    // (stream/consumers' text() drops a BOM, so compare bytes)
    const empty = (await buffer(timelineToCsv([]))).toString('utf8');
    expect(empty).toBe('\uFEFF' + TIMELINE_COLUMNS.join(',') + '\r\n');
  });
});
