// Properties over generated input: dates and times never throw and round-trip every accepted form; CSV/XLSX exports read back exactly, formulas neutralised.
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { fc, test } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { parseDate } from '../../src/chronology/parse-date.js';
import { parseTime } from '../../src/chronology/parse-time.js';
import type { TimelineEntry } from '../../src/chronology/types.js';
import { timelineToCsv } from '../../src/export/to-csv.js';
import { writeTimelineXlsx } from '../../src/export/to-xlsx.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const ordinal = (d: number): string => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;

const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.stringMatching(/^[0-9a-zA-Z/.\-:, ]{0,25}$/),
);

describe('parseDate and parseTime', () => {
  test.prop([anyText], { numRuns: 3000 })('never throw, and anything accepted is a well-formed ISO date or HH:MM', (s) => {
    const d = parseDate(s);
    if (d.ok) expect(d.value.iso).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    else expect(d.message.length).toBeLessThan(300);
    const t = parseTime(s);
    if (t.ok && t.value !== null) expect(t.value).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
  });

  const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true });
  const dayFormats: [string, (y: number, m: number, d: number) => string][] = [
    ['dd/mm/yyyy', (y, m, d) => `${pad(d)}/${pad(m)}/${y}`],
    ['d/m/yyyy', (y, m, d) => `${d}/${m}/${y}`],
    ['dd.mm.yyyy', (y, m, d) => `${pad(d)}.${pad(m)}.${y}`],
    ['dd-mm-yyyy', (y, m, d) => `${pad(d)}-${pad(m)}-${y}`],
    ['yyyy-mm-dd', (y, m, d) => `${y}-${pad(m)}-${pad(d)}`],
    ['1 Mar 2013', (y, m, d) => `${d} ${MONTHS[m - 1]?.slice(0, 3)} ${y}`],
    ['1st March 2013', (y, m, d) => `${ordinal(d)} ${MONTHS[m - 1]} ${y}`],
  ];
  test.prop([day, fc.constantFrom(...dayFormats)], { numRuns: 2000 })('round-trips every real day in every accepted day format', (date, [, write]) => {
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const r = parseDate(write(y, m, d));
    expect(r).toMatchObject({ ok: true, value: { iso: `${y}-${pad(m)}-${pad(d)}`, precision: 'day', twoDigitYear: false, time: null } });
  });

  const monthFormats: [string, (y: number, m: number) => string][] = [
    ['mm/yyyy', (y, m) => `${pad(m)}/${y}`],
    ['m/yyyy', (y, m) => `${m}/${y}`],
    ['March 2013', (y, m) => `${MONTHS[m - 1]} ${y}`],
  ];
  test.prop([fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(...monthFormats)], { numRuns: 1000 })(
    'round-trips every month in mm/yyyy and "March 2013"',
    (y, m, [, write]) => {
      expect(parseDate(write(y, m))).toMatchObject({ ok: true, value: { iso: `${y}-${pad(m)}`, precision: 'month' } });
    },
  );

  test.prop([fc.integer({ min: 1900, max: 2100 })], { numRuns: 1000 })('round-trips every year as yyyy', (y) => {
    expect(parseDate(String(y))).toMatchObject({ ok: true, value: { iso: String(y), precision: 'year' } });
  });

  test.prop([fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 31 })], { numRuns: 1000 })(
    'refuses a day past the end of its month, and never reads it month first',
    (y, m, d) => {
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const r = parseDate(`${pad(d)}/${pad(m)}/${y}`);
      expect(r.ok).toBe(d <= last);
      if (r.ok) expect(r.value.iso).toBe(`${y}-${pad(m)}-${pad(d)}`);
    },
  );

  test.prop([fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('HH:MM', 'HH.MM', 'HHMM', 'HH:MM:SS', 'h am/pm')], { numRuns: 2000 })(
    'round-trips every time of day in every accepted form',
    (h, min, form) => {
      const h12 = h % 12 === 0 ? 12 : h % 12;
      const text =
        form === 'HH:MM' ? `${pad(h)}:${pad(min)}` : form === 'HH.MM' ? `${pad(h)}.${pad(min)}` : form === 'HHMM' ? `${pad(h)}${pad(min)}` : form === 'HH:MM:SS' ? `${pad(h)}:${pad(min)}:00` : `${h12}.${pad(min)} ${h < 12 ? 'am' : 'pm'}`;
      expect(parseTime(text)).toEqual({ ok: true, value: `${pad(h)}:${pad(min)}` });
    },
  );
});

// ——— exports ———

const FORMULA_START = ['=', '+', '-', '@', '\t', '\r'];
/** The export contract, written independently of src: a cell starting with = + - @ tab or CR gets a leading '. */
const neutralised = (s: string): string => (s.length > 0 && FORMULA_START.includes(s.charAt(0)) ? `'${s}` : s);
// Lone surrogates cannot be written as UTF-8 at all; every other code point must survive.
const noLoneSurrogate = (s: string): boolean => !/[\uD800-\uDFFF]/u.test(s);
const cellText = fc
  .oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', "'", '\r', '\n', '\t', '=', '+', '-', '@', 'é', '😀', ';'), maxLength: 20 }),
    fc.tuple(fc.constantFrom(...FORMULA_START), fc.string({ maxLength: 30 })).map(([a, b]) => a + b),
  )
  .filter(noLoneSurrogate);

const TEXT_FIELDS = ['agency', 'source', 'professional', 'contact', 'event', 'outcome', 'comment'] as const;
/** Column of each text field in the export (Date, Time, Agency, Source, Professional, Contact, Event, Outcome, Victim seen, Comment, Flags). */
const COLUMN = { agency: 2, source: 3, professional: 4, contact: 5, event: 6, outcome: 7, comment: 9 } as const;
type Texts = Record<(typeof TEXT_FIELDS)[number], string>;
const texts = fc.record(Object.fromEntries(TEXT_FIELDS.map((f) => [f, cellText])) as Record<(typeof TEXT_FIELDS)[number], typeof cellText>);

const entryOf = (t: Texts, i: number): TimelineEntry => ({
  id: `e${i}`,
  date: '2013-04-03',
  datePrecision: 'day',
  time: null,
  ...t,
  seen: null,
  extra: {},
  flags: [],
  duplicateOf: [],
  provenance: { submissionId: 's', sheet: 'Sheet1', row: i + 2 },
});

describe('CSV export', () => {
  test.prop([fc.array(texts, { minLength: 1, maxLength: 8 })], { numRuns: 1000 })('parses back to the same text, formulas neutralised', async (rows) => {
    const bytes = await buffer(timelineToCsv(rows.map(entryOf)));
    const parsed = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
    expect(parsed).toHaveLength(rows.length + 1);
    rows.forEach((t, i) => {
      for (const f of TEXT_FIELDS) expect(parsed[i + 1]?.[COLUMN[f]], f).toBe(neutralised(t[f]));
    });
  });
});

describe('XLSX export', () => {
  // Characters XML 1.0 cannot hold are dropped (documented in src/export/cell-safety.ts), and XML reads every CR / CRLF
  // as LF (Excel's own line break in a cell); everything else must survive.
  // eslint-disable-next-line no-control-regex
  const xmlSafe = (s: string): string => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  const ctx = { caseTitle: 'DHR property test', submissions: [], generatedAt: new Date(Date.UTC(2024, 0, 1)), namesMode: 'real' as const };

  // 40 runs × 25–40 entries × 7 text cells: over 1000 entries, about 8 000 cells, per run of the suite.
  test.prop([fc.array(texts, { minLength: 25, maxLength: 40 })], { numRuns: 40 })('reads back (exceljs) to the same text, formulas neutralised', async (rows) => {
    const out = new PassThrough();
    const collected = buffer(out);
    await writeTimelineXlsx(rows.map(entryOf), ctx, out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await collected) as unknown as ArrayBuffer); // exceljs's types predate Buffer<ArrayBufferLike>
    const sheet = wb.getWorksheet('Combined chronology');
    rows.forEach((t, i) => {
      for (const f of TEXT_FIELDS) {
        const v = sheet?.getRow(i + 2).getCell(COLUMN[f] + 1).value;
        const expected = neutralised(xmlSafe(t[f])).replace(/\r\n?/g, '\n');
        expect(v ?? '', `${f} ${JSON.stringify(t[f])}`).toBe(expected === '' ? '' : expected);
      }
    });
  });
});
