// Tests finding the chronology table: header words of both templates, title blocks and guidance sheets, merged headers.
import { describe, expect, it } from 'vitest';
import { findTable } from '../../src/chronology/find-header.js';
import { matchHeader, normaliseHeader } from '../../src/chronology/header-words.js';
import type { Field } from '../../src/chronology/types.js';
import { DARLINGTON_HEADER, GM_HEADER, GM_TITLE_BLOCK, GUIDANCE_SHEET, sheet, workbook } from './helpers/raw-workbook.js';

const headerCases: [header: string, field: Field | null][] = [
  ['Date', 'date'],
  ['DATE', 'date'],
  ['Date (dd/mm/yy)', 'date'],
  ['Date\n(dd/mm/yy)', 'date'],
  ['Date of contact', 'date'],
  ['Date/Time', 'datetime'],
  ['Date and time', 'datetime'],
  ['Date & Time', 'datetime'],
  ['Time', 'time'],
  ['Time of contact', 'time'],
  ['Source of evidence', 'source'],
  ['Source - Agency', 'source'],
  ['Record', 'source'],
  ['Name of professional', 'professional'],
  ['Officer', 'professional'],
  ['Practitioner', 'professional'],
  ['Contact with', 'contact'],
  ['Family Members', 'contact'],
  ['Event description, actions taken, decisions made', 'event'],
  ['Event description,\nactions taken,\ndecisions made', 'event'],
  ['Information', 'event'],
  ['Details', 'event'],
  ['Event / action / decision', 'event'],
  ['Action / Outcome', 'outcome'],
  ['Action taken', 'outcome'],
  ['Victim seen ✓', 'seen'],
  ['Victim Seen?', 'seen'],
  ['Comments', 'comment'],
  ['IMR & Panel Members Initials & Comment', 'comment'],
  ['Agency', 'agency'],
  ['Officer in case', 'professional'],
  ['Panel comments (chair)', 'comment'],
  ['Date of birth', null],
  ['DOB', null],
  ['Risk level', null],
  ['Please insert the date as per the example and nothing else in the date column', null],
  ['', null],
];

describe('matchHeader recognises the header words of real templates', () => {
  it.each(headerCases)('%j → %s', (header, field) => {
    expect(matchHeader(header)?.field ?? null).toBe(field);
  });

  it('ignores case, spaces, punctuation, ticks and accents', () => {
    expect(normaliseHeader('  IMR & Panel\nMembers’ Initials & Comment ✓ ')).toBe('imr and panel members initials and comment');
    expect(normaliseHeader('Détails')).toBe('details');
  });
});

const fieldsOf = (r: ReturnType<typeof findTable>): Record<string, Field | null> =>
  r.ok ? Object.fromEntries(r.columns.map((c) => [c.header, c.field])) : {};

describe('findTable', () => {
  it('finds the Greater Manchester header below its title block and guidance paragraph', () => {
    const r = findTable(workbook(sheet('Chronology', [...GM_TITLE_BLOCK, GM_HEADER, ['01/01/2012', '17:00']])));
    expect(r).toMatchObject({ ok: true, headerRow: 6, headerIndex: 5 });
    expect(fieldsOf(r)).toEqual({
      Date: 'date',
      Time: 'time',
      'Source of evidence': 'source',
      'Name of professional': 'professional',
      'Contact with': 'contact',
      'Event description, actions taken, decisions made': 'event',
      Comments: 'comment',
    });
  });

  it('finds the Darlington header under "Chronology of involvement — Agency: Police", line breaks and all', () => {
    const rows = [['Chronology of involvement — Agency: Police'], ['Victim: AA'], [], DARLINGTON_HEADER];
    const r = findTable(workbook(sheet('Sheet1', rows)));
    expect(r).toMatchObject({ ok: true, headerRow: 4 });
    expect(fieldsOf(r)).toEqual({
      'Date (dd/mm/yy)': 'date',
      'Family Members': 'contact',
      Information: 'event',
      'Source - Agency': 'source',
      'Action / Outcome': 'outcome',
      'Victim seen ✓': 'seen',
      'IMR & Panel Members Initials & Comment': 'comment',
    });
  });

  it('passes over a guidance sheet that comes first', () => {
    const r = findTable(workbook(sheet('Guidance', GUIDANCE_SHEET), sheet('Chronology', [GM_HEADER, ['01/01/2012']])));
    expect(r.ok && r.sheet.name).toBe('Chronology');
  });

  it('prefers the sheet with entries when a guidance sheet shows the same headers as an example', () => {
    const guidance = sheet('Guidance', [['Use these headings:'], GM_HEADER]);
    const data = sheet('Police', [GM_HEADER, ['01/01/2012', '17:00', 'PNC', 'PC AB', 'AA', 'Call']]);
    const r = findTable(workbook(guidance, data));
    expect(r.ok && r.sheet.name).toBe('Police');
  });

  it('maps a combined Date/Time column and keeps a per-row Agency column', () => {
    const r = findTable(workbook(sheet('S', [['Date/Time', 'Agency', 'Details']])));
    expect(fieldsOf(r)).toEqual({ 'Date/Time': 'datetime', Agency: 'agency', Details: 'event' });
  });

  it('gives each field one column: the better match wins and the other becomes extra', () => {
    const r = findTable(workbook(sheet('S', [['Date', 'Event notes', 'Information', 'Details']])));
    expect(fieldsOf(r)).toEqual({ Date: 'date', 'Event notes': null, Information: 'event', Details: null });
  });

  it('names repeated merged header text and empty header cells by column letter', () => {
    const r = findTable(workbook(sheet('S', [['Date', 'Victim seen', 'Victim seen', null, 'Event']])));
    expect(r.ok && r.columns.map((c) => [c.header, c.field])).toEqual([
      ['Date', 'date'],
      ['Victim seen', 'seen'],
      ['Victim seen (column C)', null],
      ['Column D', null],
      ['Event', 'event'],
    ]);
  });

  it('says which headers it saw when no column looks like a date', () => {
    const r = findTable(workbook(sheet('S', [['Chronology'], ['When', 'Time', 'What happened', 'Comments']])));
    expect(r).toMatchObject({ ok: false, seenHeaders: ['When', 'Time', 'What happened', 'Comments'] });
    expect(!r.ok && r.expected).toContain('Date');
  });

  it('looks only at the first 30 rows for the header', () => {
    const filler = Array.from({ length: 30 }, (_, i) => [`Note ${i + 1}`]);
    expect(findTable(workbook(sheet('S', [...filler, GM_HEADER]))).ok).toBe(false);
    expect(findTable(workbook(sheet('S', [...filler.slice(1), GM_HEADER]))).ok).toBe(true);
  });

  it('answers for an empty workbook without throwing', () => {
    expect(findTable(workbook())).toMatchObject({ ok: false, seenHeaders: [] });
    expect(findTable(workbook(sheet('Empty', [])))).toMatchObject({ ok: false });
  });
});
