// Excel serials as Excel shows them, in both date systems, with the phantom 29/02/1900; exceljs's naive dates mended.
import { describe, expect, it } from 'vitest';
import { fromNaiveExcelDate, serialToUtcMillis } from '../../src/chronology/excel-serial.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString().slice(0, 16));

describe('serialToUtcMillis', () => {
  it.each([
    [1, false, '1900-01-01T00:00'],
    [59, false, '1900-02-28T00:00'],
    [60, false, null],
    [60.5, false, null],
    [61, false, '1900-03-01T00:00'],
    [41367, false, '2013-04-03T00:00'],
    [41367.75, false, '2013-04-03T18:00'],
    [0.5, false, '1899-12-30T12:00'],
    [0, true, '1904-01-01T00:00'],
    [39905, true, '2013-04-03T00:00'],
    [60, true, '1904-03-01T00:00'],
  ])('serial %s (1904: %s) is %s', (serial, date1904, want) => {
    expect(iso(serialToUtcMillis(serial, date1904))).toBe(want);
  });
});

describe('fromNaiveExcelDate', () => {
  // exceljs computes 1900 dates as (serial - 25569) days from 1970: a day early before March 1900.
  const naive = (serial: number): Date => new Date((serial - 25569) * 86_400_000);
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [41367, '2013-04-03'],
  ])('serial %s read by exceljs is %s', (serial, want) => {
    const d = fromNaiveExcelDate(naive(serial), false);
    expect(d instanceof Date ? d.toISOString().slice(0, 10) : d).toBe(want);
  });

  it('gives back the phantom 29/02/1900 as its serial, for the date parser to explain', () => {
    expect(fromNaiveExcelDate(naive(60), false)).toBe(60);
  });

  it('leaves times alone (exceljs gives them on day zero, 1899-12-30)', () => {
    const t = naive(0.75);
    expect(fromNaiveExcelDate(t, false)).toBe(t);
  });

  it('leaves the 1904 system alone', () => {
    const d = new Date(Date.UTC(1904, 0, 2));
    expect(fromNaiveExcelDate(d, true)).toBe(d);
  });
});
