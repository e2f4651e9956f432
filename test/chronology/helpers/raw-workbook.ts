// Builds RawWorkbooks for the ingest tests the way the readers hand them over: 1-based rows, cells left to right.
import type { CellValue, RawRow, RawSheet, RawWorkbook } from '../../../src/chronology/types.js';

/** The Greater Manchester template's header, as the fixture generator writes it. */
export { GM_HEADER } from '../../../fixtures/gm-police.js';

/** Rows numbered from `firstRow` (1 by default), as Excel shows them. */
export function sheet(name: string, rows: CellValue[][], firstRow = 1): RawSheet {
  return { name, rows: rows.map((cells, i): RawRow => ({ row: firstRow + i, cells })) };
}

export function workbook(...sheets: RawSheet[]): RawWorkbook {
  return { format: 'xlsx', sheets, date1904: false };
}

export const DARLINGTON_HEADER = [
  'Date\n(dd/mm/yy)',
  'Family Members',
  'Information',
  'Source - Agency',
  'Action / Outcome',
  'Victim seen ✓',
  'IMR & Panel Members Initials & Comment',
];

/** The Greater Manchester template's block above the table: title, agency, author, guidance, a blank row. */
export const GM_TITLE_BLOCK: CellValue[][] = [
  ['Comprehensive Agency Chronology'],
  ['Agency: Greater Manchester Police', null, null, 'Date completed: 01/05/2014'],
  ['Author: IMR author', null, null, 'Period: 01/01/2012 to 31/12/2014'],
  [
    'Please insert the date as per the example to facilitate merging with chronologies from other agencies and nothing else in the date column. Time, source, comments…',
  ],
  [],
];

/** A guidance sheet as it comes first in real workbooks. */
export const GUIDANCE_SHEET: CellValue[][] = [
  ['How to complete the chronology'],
  ['Date', 'The date of the contact as dd/mm/yyyy, and nothing else in the date column'],
  ['Time', 'The time as 17:00 when known'],
  ['Event description', 'What happened, what was done, what was decided'],
  ['Comments', 'Your analysis of the contact'],
];
