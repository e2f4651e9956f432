// Table tests for UK day-first chronology dates: what authors type, what Excel stores, and what must be refused.
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/chronology/parse-date.js';
import type { CellValue, DatePrecision } from '../../src/chronology/types.js';

const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0): Date =>
  new Date(Date.UTC(y, m - 1, d, h, min, s, ms));

type Good = [label: string, input: CellValue, iso: string, precision: DatePrecision, extra?: { twoDigitYear?: boolean; time?: string; text?: string }];

const good: Good[] = [
  ['dd/mm/yyyy, day first', '03/04/2013', '2013-04-03', 'day'],
  ['d/m/yyyy', '3/4/2013', '2013-04-03', 'day'],
  ['the template example', '01/01/2012', '2012-01-01', 'day'],
  ['dd/mm/yy in the 2000s', '03/04/13', '2013-04-03', 'day', { twoDigitYear: true }],
  ['d/m/yy', '3/4/13', '2013-04-03', 'day', { twoDigitYear: true }],
  ['yy 69 → 2069', '01/01/69', '2069-01-01', 'day', { twoDigitYear: true }],
  ['yy 70 → 1970', '01/01/70', '1970-01-01', 'day', { twoDigitYear: true }],
  ['yy 99 → 1999', '31/12/99', '1999-12-31', 'day', { twoDigitYear: true }],
  ['yy 00 → 2000', '29/02/00', '2000-02-29', 'day', { twoDigitYear: true }],
  ['dots', '03.04.2013', '2013-04-03', 'day'],
  ['dashes', '03-04-2013', '2013-04-03', 'day'],
  ['ISO', '2013-04-03', '2013-04-03', 'day'],
  ['ISO with slashes', '2013/04/03', '2013-04-03', 'day'],
  ['ordinal and month name', '1st March 2013', '2013-03-01', 'day'],
  ['"of" and a comma', '22nd of March, 2013', '2013-03-22', 'day'],
  ['abbreviated month', '1 Mar 2013', '2013-03-01', 'day'],
  ['Excel d-mmm-yy display', '01-Mar-13', '2013-03-01', 'day', { twoDigitYear: true }],
  ['Sept abbreviation', '30 Sept 2013', '2013-09-30', 'day'],
  ['month name first (unambiguous)', 'March 1st 2013', '2013-03-01', 'day'],
  ['weekday prefix', 'Mon 03/04/2013', '2013-04-03', 'day'],
  ['full weekday and comma', 'Wednesday, 3rd April 2013', '2013-04-03', 'day'],
  ['spaces around', '  03/04/2013  ', '2013-04-03', 'day', { text: '03/04/2013' }],
  ['leap day in a leap year', '29/02/2012', '2012-02-29', 'day'],
  ['month and year', '03/2013', '2013-03', 'month'],
  ['m/yyyy', '3/2013', '2013-03', 'month'],
  ['month name and year', 'March 2013', '2013-03', 'month'],
  ['abbreviated month and year', 'Mar 2013', '2013-03', 'month'],
  ['Excel mmm-yy display', 'Mar-13', '2013-03', 'month', { twoDigitYear: true }],
  ['ISO month', '2013-03', '2013-03', 'month'],
  ['year only', '2013', '2013', 'year'],
  ['date and time text', '03/04/2013 17:00', '2013-04-03', 'day', { time: '17:00' }],
  ['date and 12-hour time', '3/4/13 at 5pm', '2013-04-03', 'day', { time: '17:00', twoDigitYear: true }],
  ['ISO date-time without zone', '2013-04-03T09:30:00', '2013-04-03', 'day', { time: '09:30' }],
  ['date cell', utc(2013, 4, 3), '2013-04-03', 'day', { text: '03/04/2013' }],
  ['date cell with a time', utc(2013, 4, 3, 17, 0), '2013-04-03', 'day', { time: '17:00', text: '03/04/2013' }],
  ['date cell with float noise before midnight', utc(2013, 4, 2, 23, 59, 59, 999), '2013-04-03', 'day', { text: '03/04/2013' }],
  ['serial number', 41275, '2013-01-01', 'day', { text: '01/01/2013' }],
  ['serial with a time fraction', 41275 + 17 / 24, '2013-01-01', 'day', { time: '17:00' }],
  ['serial just below the Lotus leap day', 59, '1900-02-28', 'day'],
  ['serial just after the Lotus leap day', 61, '1900-03-01', 'day'],
  ['a year typed in a number cell', 2013, '2013', 'year'],
];

describe('parseDate accepts what UK authors type and Excel stores', () => {
  it.each(good)('%s: %s', (_label, input, iso, precision, extra = {}) => {
    const r = parseDate(input);
    expect(r).toMatchObject({ ok: true, value: { iso, precision } });
    if (!r.ok) return;
    expect(r.value.twoDigitYear).toBe(extra.twoDigitYear ?? false);
    expect(r.value.time).toBe(extra.time ?? null);
    if (extra.text !== undefined) expect(r.value.text).toBe(extra.text);
  });

  it('reads serials in the 1904 date system when the workbook says so', () => {
    expect(parseDate(39813, { date1904: true })).toMatchObject({ ok: true, value: { iso: '2013-01-01' } });
    expect(parseDate(39813)).toMatchObject({ ok: true, value: { iso: '2008-12-31' } });
  });
});

const bad: [label: string, input: CellValue, fragment: string][] = [
  ['30 days hath September', '31/09/2013', 'September has 30 days'],
  ['31 February', '31/02/2013', 'February has 28 or 29 days'],
  ['29 February outside a leap year', '29/02/2013', '2013 is not a leap year'],
  ['1900 was not a leap year', '29/02/1900', 'not a leap year'],
  ['day zero', '00/04/2013', 'days start at 1'],
  ['month 13', '13/13/2013', 'has month 13 — months run from 1 to 12'],
  ['US order, impossible day first', '12/25/2013', 'has month 25 — dates must be day first (dd/mm/yyyy)'],
  ['US order with two-digit year', '4/30/13', 'dates must be day first'],
  ['tbc', 'tbc', "'tbc' is not a date — use dd/mm/yyyy, or mm/yyyy or yyyy"],
  ['unknown', 'unknown', 'is not a date'],
  ['a made-up month', '3 Smarch 2013', 'is not a date'],
  ['year before 1900', '03/04/1850', 'between 1900 and 2100'],
  ['year after 2100', '2150', 'between 1900 and 2100'],
  ['three-digit year', '03/04/201', '3-digit year'],
  ['a serial typed as text is ambiguous', '41275', 'is a number, not a date'],
  ['day and month only', '03/04', 'is incomplete'],
  ['mixed separators', '03/04-2013', 'is not a date'],
  ['time zone on a date-time', '2013-04-03T17:00:00Z', 'time zone'],
  ['impossible time after the date', '03/04/2013 25:00', 'time that is not valid'],
  ['empty text', '   ', 'The date is empty'],
  ['empty cell', null, 'The date is empty'],
  ['TRUE in a date column', true, 'is not a date'],
  ["Lotus's phantom 29/02/1900", 60, 'not a real date'],
  ['a time-only cell', utc(1899, 12, 30, 17, 0), 'only a time'],
  ['a time fraction number', 0.75, 'only a time'],
  ['a negative number', -5, 'is a number, not a date'],
  ['a serial far in the future', 3_042_013, 'is a number, not a date'],
  ['an invalid Date object', new Date(Number.NaN), 'invalid date'],
];

describe('parseDate refuses what is not a real UK date, in words an author understands', () => {
  it.each(bad)('%s: %s', (_label, input, fragment) => {
    const r = parseDate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });

  it('never guesses month first: 03/04/2013 is 3 April, not 4 March', () => {
    expect(parseDate('03/04/2013')).toMatchObject({ ok: true, value: { iso: '2013-04-03' } });
  });

  it('shortens very long text echoed in a message', () => {
    const r = parseDate('x'.repeat(5000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeLessThan(200);
  });

  it('never throws, whatever the text', () => {
    const odd = ['', '/', '//', '-', '..', '1/1/1/1', '31st', 'March', 'Mon', '\u0000', '99999999999999999999', '1e5', 'T', '3/4/13 at', '٣/٤/٢٠١٣'];
    for (const s of odd) expect(() => parseDate(s)).not.toThrow();
    for (const s of odd) expect(parseDate(s).ok).toBe(false);
  });
});
