// The ingest fast paths (dd/mm/yyyy dates, HH:MM times, ASCII headers, the zip guard's byte scan) agree with the general code.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parseDate } from '../../src/chronology/parse-date.js';
import { parseTime } from '../../src/chronology/parse-time.js';
import { normaliseHeader } from '../../src/chronology/header-words.js';
import { tokenAt } from '../../src/ingest/xml-scan.js';
import { buildEntries } from '../../src/chronology/build-entries.js';
import type { CellValue } from '../../src/chronology/types.js';
import { GM_HEADER, sheet, workbook } from './helpers/raw-workbook.js';

// A leading space never takes a fast path: the general parser trims it and answers for the same text.
const general = (s: string): ReturnType<typeof parseDate> => parseDate(` ${s}`);

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
const dateLike = fc
  .tuple(digits(0, 3), fc.constantFrom('/', '/', '.', '-', '//', ' '), digits(0, 3), fc.constantFrom('/', '/', '-', 'x'), digits(0, 5))
  .map((parts) => parts.join(''));

describe('dd/mm/yyyy fast path', () => {
  it.each([
    '03/04/2013', '3/4/2013', '31/12/2099', '29/02/2012', '29/02/2013', '31/04/2013', '00/01/2013', '13/13/2013',
    '04/13/2013', '01/01/1899', '01/01/2101', '1/1/0000', '001/1/2013', '1/001/2013', '1/1/20133',
  ])('%s reads as the general parser reads it', (s) => {
    expect(parseDate(s)).toEqual(general(s));
  });

  test.prop([dateLike])('any d/m/y-like text reads as the general parser reads it', (s) => {
    expect(parseDate(s)).toEqual(general(s));
  });
});

describe('HH:MM fast path', () => {
  // The general path quotes the cell as typed, so the oracle's leading space is taken out of its message.
  const generalTime = (s: string): ReturnType<typeof parseTime> => {
    const r = parseTime(` ${s}`);
    return r.ok ? r : { ok: false, message: r.message.replace(`' ${s}'`, `'${s}'`) };
  };
  const timeLike = fc.tuple(digits(0, 3), fc.constantFrom(':', ':', '.', ''), digits(0, 3)).map((p) => p.join(''));

  it.each(['17:00', '9:30', '09:30', '00:00', '23:59', '24:00', '12:60', '99:99', '1:5', '123:45'])('%s reads as the general parser reads it', (s) => {
    expect(parseTime(s)).toEqual(generalTime(s));
  });

  test.prop([timeLike])('any H:MM-like text reads as the general parser reads it', (s) => {
    expect(parseTime(s)).toEqual(generalTime(s));
  });
});

describe('normaliseHeader on ASCII', () => {
  const reference = (text: string): string =>
    text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();

  test.prop([fc.string({ unit: 'binary-ascii', maxLength: 40 })])('skipping Unicode folding changes nothing', (s) => {
    expect(normaliseHeader(s)).toBe(reference(s));
  });

  it('still folds accents outside ASCII', () => {
    expect(normaliseHeader('Évènement & Détails')).toBe('evenement and details');
  });
});

describe("the zip guard's byte scan", () => {
  const TOKEN = /<!(?:doctype|entity)|<(?:\w+:)?(row|c)[\s>/]/iy;
  const byRegex = (text: string, at: number): 'dtd' | 'row' | 'c' | null => {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) return null;
    return m[1] === undefined ? 'dtd' : (m[1].toLowerCase() as 'row' | 'c');
  };
  const pieces = fc.constantFrom('<', 'row', 'ROW', 'Row', 'c', 'C', 'x:', ':', 'a_1', '!', 'doctype', 'ENTITY', ' ', '>', '/', '\t', '\u00a0', '\u0085', 'r', 'o', '=', '"');

  test.prop([fc.array(pieces, { maxLength: 30 })])('finds at every < what the pattern finds there', (parts) => {
    const text = parts.join('');
    const bytes = Buffer.from(text, 'latin1');
    for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
      expect(tokenAt(bytes, at)).toBe(byRegex(text, at));
    }
  });

  const tagLike = fc
    .tuple(fc.constantFrom('<', '<!', '<<'), fc.constantFrom('', 'x:', 'a_1:', ':', 'x'), fc.constantFrom('row', 'ROW', 'c', 'C', 'rows', 'doctype', 'Entity', 'cc', ''), fc.constantFrom(' ', '\t', '\n', '\r', '\u000b', '\f', '\u00a0', '\u0085', '>', '/', ':', 'x', ''))
    .map((p) => p.join(''));

  test.prop([fc.array(tagLike, { minLength: 1, maxLength: 5 })])('finds at every < of tag-like text what the pattern finds there', (parts) => {
    const text = parts.join('');
    const bytes = Buffer.from(text, 'latin1');
    for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
      expect(tokenAt(bytes, at)).toBe(byRegex(text, at));
    }
  });

  it.each([
    ['<row\u00a0', 'row'],
    ['<c\u0085', null],
    ['<row r="1">', 'row'],
    ['<x:row>', 'row'],
    ['<c r="A1"/>', 'c'],
    ['<x:c\t', 'c'],
    ['<cols>', null],
    ['<rowBreaks>', null],
    ['<!DOCTYPE x>', 'dtd'],
    ['<!ENTITY a "b">', 'dtd'],
    ['<!-- c -->', null],
    ['<row:c>', 'c'],
  ] as const)('%s → %s', (text, tag) => {
    expect(tokenAt(Buffer.from(text, 'latin1'), 0)).toBe(tag);
  });
});

describe('duplicate rows', () => {
  const cell = fc.constantFrom<CellValue>(null, 'Visit', 'Call', 'Records', 'PC 2', 'Visit 2');
  const row = fc.tuple(fc.constantFrom('03/04/2013', '04/04/2013'), cell, cell, fc.constantFrom('Visit', 'Call', 'A long narrative'));

  test.prop([fc.array(row, { minLength: 1, maxLength: 40 })])('are the rows whose cells all match an earlier row, named by the first of them', (rows) => {
    const table: CellValue[][] = rows.map(([date, source, professional, event]) => [date, null, source, professional, null, event]);
    const built = buildEntries(workbook(sheet('S', [GM_HEADER, ...table])));
    if (!built.ok) throw new Error('expected entries');
    const firstOf = new Map<string, number>();
    const expected: string[] = [];
    table.forEach((cells, i) => {
      const key = JSON.stringify(GM_HEADER.map((_, c) => cells[c] ?? ''));
      const first = firstOf.get(key);
      if (first === undefined) firstOf.set(key, i + 2);
      else expected.push(`${i + 2}: repeats row ${first}`);
    });
    const got = built.report.warnings.filter((w) => w.code === 'duplicate-row').map((w) => `${w.row}: ${/repeats row \d+/.exec(w.message)?.[0] ?? ''}`);
    expect(got).toEqual(expected);
  });
});
