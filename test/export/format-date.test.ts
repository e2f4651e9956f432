// Display dates, spreadsheet-safe text and the abbreviation glossary.
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, safeXlsxText, stripXmlInvalid } from '../../src/export/cell-safety.js';
import { formatDisplayDate, formatDisplayDateTime, isoDayToUtcDate } from '../../src/export/format-date.js';
import { glossaryFor } from '../../src/export/glossary.js';

describe('formatDisplayDate', () => {
  it.each([
    ['2013-04-03', undefined, '03/04/2013'],
    ['2013-04', undefined, '04/2013'],
    ['2013', undefined, '2013'],
    ['2013-04-03', 'day', '03/04/2013'],
    ['not a date', undefined, 'not a date'],
  ] as const)('%s → %s', (iso, precision, shown) => {
    expect(formatDisplayDate(iso, precision)).toBe(shown);
  });

  it('gives day dates as UTC midnight and nothing for partial dates', () => {
    expect(isoDayToUtcDate('2013-04-03')?.toISOString()).toBe('2013-04-03T00:00:00.000Z');
    expect(isoDayToUtcDate('2013-04')).toBeNull();
  });

  it('shows a moment in UK local time', () => {
    expect(formatDisplayDateTime(new Date('2024-06-01T12:00:00Z'))).toBe('01/06/2024 13:00');
    expect(formatDisplayDateTime(new Date('2024-01-01T12:00:00Z'))).toBe('01/01/2024 12:00');
  });
});

describe('cell safety', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+44 1908', "'+44 1908"],
    ['-5 attempts', "'-5 attempts"],
    ['@Housing', "'@Housing"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['Police attended = yes', 'Police attended = yes'],
    ['', ''],
  ])('%j → %j', (input, out) => {
    expect(neutraliseFormula(input)).toBe(out);
  });

  it('strips characters XML cannot carry and keeps line breaks and emoji', () => {
    expect(stripXmlInvalid('a\u0000b\u0007c\nd\te\uFFFF😀\uD800')).toBe('abc\nd\te😀');
  });

  it('cuts text at the Excel cell limit with a marker', () => {
    const cut = safeXlsxText('x'.repeat(40_000));
    expect(cut.length).toBeLessThanOrEqual(32_767);
    expect(cut.endsWith('[…truncated]')).toBe(true);
  });
});

describe('glossaryFor', () => {
  const abbrs = (texts: string[]): string[] => glossaryFor(texts).map((t) => t.abbreviation);

  it('lists only the abbreviations used, alphabetically, word-bounded', () => {
    expect(abbrs(['Referred to MARAC by the IDVA', 'Seen in A&E; GP informed'])).toEqual(['A&E', 'GP', 'IDVA', 'MARAC']);
    expect(abbrs(['MARACS', 'xMARAC', 'MARAC2', 'marac', 'The CPSO'])).toEqual([]);
  });

  it('counts plurals and possessives', () => {
    expect(abbrs(["two GPs and the IDVA's view"])).toEqual(['GP', 'IDVA']);
  });

  it('prefers the longer term and keeps the shorter one only when used alone', () => {
    expect(abbrs(['DASH RIC completed'])).toEqual(['DASH RIC']);
    expect(abbrs(['DASH RIC completed', 'a new DASH'])).toEqual(['DASH', 'DASH RIC']);
    expect(abbrs(['DVDS (Clare’s Law) application'])).toEqual(['DVDS']);
  });
});
