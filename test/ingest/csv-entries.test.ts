// A CSV's entries are built row by row as papaparse (or csv-parse, past a stray quote) reads them: the same result
// as reading the whole file and then building, with entries reaching the sink before the reader reaches the end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildEntries, type BuildResult } from '../../src/chronology/build-entries.js';
import { defaultLimits, UnreadableFileError } from '../../src/ingest/limits.js';
import { readCsv } from '../../src/ingest/read/csv.js';
import { buildUpload } from '../../src/ingest/read-upload.js';
import type { EntryInput } from '../../src/chronology/types.js';
import { FILES_DIR } from '../../fixtures/paths.js';
import { GM_HEADER } from '../chronology/helpers/raw-workbook.js';

const reviewPeriod = { from: '2012-01-01', to: '2014-12-31' };

/** The result with the sink's batches put back in, so both readings compare as one list. */
function withSunk(run: (sink: (batch: EntryInput[]) => void) => BuildResult): { result: BuildResult; sunk: EntryInput[] } {
  const sunk: EntryInput[] = [];
  const result = run((batch) => sunk.push(...batch));
  return { result, sunk: [...sunk, ...(result.ok ? result.entries : [])] };
}

const whole = (buf: Buffer): unknown => {
  try {
    return withSunk((sink) => buildEntries(readCsv(buf, defaultLimits), { reviewPeriod, sink }));
  } catch (err) {
    return { thrown: (err as Error).constructor.name, message: (err as Error).message };
  }
};

const streamed = async (buf: Buffer): Promise<unknown> => {
  const sunk: EntryInput[] = [];
  try {
    const result = await buildUpload(buf, 'x.csv', defaultLimits, { reviewPeriod, sink: (batch) => sunk.push(...batch) });
    return { result, sunk: [...sunk, ...(result.ok ? result.entries : [])] };
  } catch (err) {
    return { thrown: (err as Error).constructor.name, message: (err as Error).message };
  }
};

const csvLine = (cells: readonly string[]): string => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');

describe('a CSV built as it is read', () => {
  it.each(['housing-1252.csv', 'idva-utf8bom.csv'])('gives what reading %s whole gives', async (name) => {
    const buf = readFileSync(join(FILES_DIR, name));
    const expected = whole(buf);
    expect(expected).toMatchObject({ result: { ok: true } });
    expect(await streamed(buf)).toEqual(expected);
  });

  it.each([
    ['a header below a title block', ['Chronology — Police', '', csvLine(GM_HEADER), '01/01/2012,17:00,log,PC 1,Adult A,Seen,x']],
    ['continuation rows and blank lines', [csvLine(GM_HEADER), '01/01/2012,,,,,Seen,', ',,,,,more text,', '', '', '02/01/2012,,,,,Again,']],
    ['row errors', [csvLine(GM_HEADER), '31/02/2013,,,,,x,', '01/01/2012,25:61,,,,y,', '12/25/2013,,,,,z,']],
    ['no date column', ['When,What happened', 'yesterday,x']],
    ['a header only', [csvLine(GM_HEADER)]],
    ['a header on row 30, the last row scanned', [...Array.from({ length: 29 }, (_, i) => `Guidance line ${i}`), csvLine(GM_HEADER), '01/01/2012,,,,,x,']],
    ['a header below row 30', [...Array.from({ length: 30 }, (_, i) => `Guidance line ${i}`), csvLine(GM_HEADER), '01/01/2012,,,,,x,']],
    ['an unclosed quote at the end', [csvLine(GM_HEADER), '01/01/2012,,,,,x,', '02/01/2012,,,,,"never closed']],
    ['a stray quote after a quoted cell', [csvLine(GM_HEADER), '01/01/2012,,,,,"quoted" then more,x', '02/01/2012,,,,,y,']],
    ['an empty file of blank lines', ['', '', '']],
  ])('gives what reading it whole gives: %s', async (_label, lines) => {
    const buf = Buffer.from(`${lines.join('\r\n')}\r\n`);
    expect(await streamed(buf)).toEqual(whole(buf));
  });

  const cell = fc.constantFrom('', 'x', 'Sarah', '01/01/2012', '3/4/13', '31/02/2013', '17:00', '25:61', 'Date', 'Event', '"', 'a "b" c', 'a,b', 'line\nbreak');
  const row = fc.array(cell, { maxLength: 8 });
  test.prop([fc.array(row, { maxLength: 45 }), fc.nat({ max: 40 })], { numRuns: 400 })(
    'gives what reading it whole gives, for any rows around a header',
    async (rows, at) => {
      const lines = rows.map(csvLine);
      lines.splice(Math.min(at, lines.length), 0, csvLine(GM_HEADER));
      const buf = Buffer.from(lines.join('\n'));
      expect(await streamed(buf)).toEqual(whole(buf));
    },
  );

  it('hands entries to the sink before it has read the whole file', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `0${(i % 9) + 1}/01/2012,10:00,log,PC 1,Adult A,Seen ${i},`);
    const buf = Buffer.from([csvLine(GM_HEADER), ...rows, '02/01/2012,,,,,"a quote never closed'].join('\n'));
    let sunk = 0;
    await expect(buildUpload(buf, 'x.csv', defaultLimits, { sink: (batch) => (sunk += batch.length) })).rejects.toBeInstanceOf(UnreadableFileError);
    expect(sunk).toBeGreaterThanOrEqual(4000);
  });
});
