// Table tests for chronology times: 24-hour and 12-hour text, Excel fractions and time cells, and what must be refused.
import { describe, expect, it } from 'vitest';
import { parseTime } from '../../src/chronology/parse-time.js';
import type { CellValue } from '../../src/chronology/types.js';

const good: [input: CellValue, expected: string | null][] = [
  ['17:00', '17:00'],
  ['9:05', '09:05'],
  ['17.00', '17:00'],
  ['1700', '17:00'],
  ['0930', '09:30'],
  ['930', '09:30'],
  ['5pm', '17:00'],
  ['5 pm', '17:00'],
  ['5.30 pm', '17:30'],
  ['5:30PM', '17:30'],
  ['5.30 p.m.', '17:30'],
  ['9am', '09:00'],
  ['12am', '00:00'],
  ['12pm', '12:00'],
  ['12:30 am', '00:30'],
  ['17:00:00', '17:00'],
  ['17:00:59', '17:00'],
  ['17:00 hrs', '17:00'],
  ['1700hrs', '17:00'],
  ['00:00', '00:00'],
  ['23:59', '23:59'],
  ['noon', '12:00'],
  ['Midnight', '00:00'],
  ['', null],
  ['   ', null],
  [null, null],
  [0.5, '12:00'],
  [0.75, '18:00'],
  [17 / 24 + 29.9 / 1440, '17:30'],
  [0.99999, '23:59'],
  [0, '00:00'],
  [1700, '17:00'],
  [17.3, '17:30'],
  [9.05, '09:05'],
  [new Date(Date.UTC(1899, 11, 30, 17, 0)), '17:00'],
  [new Date(Date.UTC(1899, 11, 30, 9, 14, 59, 999)), '09:15'],
  [new Date(Date.UTC(1904, 0, 1, 8, 45)), '08:45'],
  [new Date(Date.UTC(2013, 3, 3, 17, 0)), '17:00'],
];

describe('parseTime reads the times authors type and Excel stores as HH:MM', () => {
  it.each(good)('%s → %s', (input, expected) => {
    expect(parseTime(input)).toEqual({ ok: true, value: expected });
  });
});

const bad: [input: CellValue, fragment: string][] = [
  ['25:61', 'is not a real time — hours run 00 to 23 and minutes 00 to 59'],
  ['24:00', 'is not a real time'],
  ['17:60', 'is not a real time'],
  ['13pm', 'with am/pm the hour runs from 1 to 12'],
  ['0am', 'with am/pm the hour runs from 1 to 12'],
  ['5.75pm', 'minutes run 00 to 59'],
  ['teatime', "'teatime' is not a time — use the 24-hour clock HH:MM"],
  ['morning', 'is not a time'],
  ['approx 17:00', 'say that it is approximate in the event or comment'],
  ['17:00:75', 'seconds run 00 to 59'],
  ['17', 'is not a time'],
  ['12345', 'is not a time'],
  ['03/04/2013', 'is not a time'],
  [17, 'add the minutes, e.g. 17:00'],
  [2400, 'is not a real time'],
  [41275.5, 'is a number, not a time'],
  [17.333, 'is a number, not a time'],
  [-0.5, 'is not a time'],
  [true, 'is not a time'],
  [new Date(Date.UTC(2013, 3, 3)), 'holds a date, not a time'],
];

describe('parseTime refuses what is not a time, saying how to write one', () => {
  it.each(bad)('%s', (input, fragment) => {
    const r = parseTime(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });

  it('never throws, whatever the text', () => {
    for (const s of [':', '.', 'pm', 'am am', '1:2:3:4', '99999999999', '\u0000', 'h', 'hrs']) {
      expect(() => parseTime(s)).not.toThrow();
      expect(parseTime(s).ok).toBe(false);
    }
  });
});
