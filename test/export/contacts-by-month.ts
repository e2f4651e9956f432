// For the 'Contacts by month' tests: the sheet a set of contacts should give, counted here entry by entry from the
// text of each date with none of the analysis module's code, and readers of the sheet from exceljs and from CSV.
import type ExcelJS from 'exceljs';

export interface Contact {
  agency: string;
  /** ISO at its precision: yyyy-mm-dd, yyyy-mm or yyyy. */
  date: string;
  seen: boolean | null;
}

/** A row's cells by header (a missing cell is null), keyed by its label: yyyy-mm, '2013 (year only)', 'Outside the months'. */
export type SheetRows = Map<string, Record<string, number | null>>;

const OUTSIDE = 'Outside the months';

/** Every month yyyy-mm from the month of `from` to the month of `to`, by stepping a Date. */
function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 7) <= to.slice(0, 7); d.setUTCMonth(d.getUTCMonth() + 1)) {
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

/** The header and rows the sheet should have for `contacts` over the days `from` to `to`. */
export function expectedSheet(contacts: readonly Contact[], from: string, to: string): { headers: string[]; rows: SheetRows } {
  const agencies = [...new Set(contacts.map((c) => c.agency))].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  const headers = ['Month', ...agencies.flatMap((a) => [a, `${a}: victim seen`]), 'All agencies', 'All agencies: victim seen', 'Dated to the month only'];
  const blank = (monthOnly: boolean): Record<string, number | null> => {
    const r: Record<string, number | null> = { 'All agencies': 0, 'All agencies: victim seen': 0, 'Dated to the month only': monthOnly ? 0 : null };
    for (const a of agencies) Object.assign(r, { [a]: 0, [`${a}: victim seen`]: 0 });
    return r;
  };
  const rows: SheetRows = new Map(months(from, to).map((m) => [m, blank(true)]));
  const years = new Map<string, Record<string, number | null>>();
  let outside: Record<string, number | null> | null = null;
  const bump = (r: Record<string, number | null>, key: string): void => {
    r[key] = (r[key] ?? 0) + 1;
  };
  for (const c of contacts) {
    let row: Record<string, number | null> | undefined;
    if (c.date.length === 10) row = c.date >= from && c.date <= to ? rows.get(c.date.slice(0, 7)) : undefined;
    else if (c.date.length === 7) row = c.date >= from.slice(0, 7) && c.date <= to.slice(0, 7) ? rows.get(c.date) : undefined;
    else if (c.date >= from.slice(0, 4) && c.date <= to.slice(0, 4)) {
      row = years.get(c.date) ?? blank(false);
      years.set(c.date, row);
    }
    if (!row) {
      if (!outside) {
        outside = { 'All agencies': 0, 'All agencies: victim seen': null, 'Dated to the month only': null };
        for (const a of agencies) Object.assign(outside, { [a]: 0, [`${a}: victim seen`]: null });
      }
      bump(outside, c.agency);
      bump(outside, 'All agencies');
      continue;
    }
    bump(row, c.agency);
    bump(row, 'All agencies');
    if (c.seen === true) {
      bump(row, `${c.agency}: victim seen`);
      bump(row, 'All agencies: victim seen');
    }
    if (c.date.length === 7) bump(row, 'Dated to the month only');
  }
  for (const y of [...years.keys()].sort()) rows.set(`${y} (year only)`, years.get(y) ?? {});
  if (outside) rows.set(OUTSIDE, outside);
  return { headers, rows };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A row label as the tests key it: a date cell or 'Mar 2013' as yyyy-mm, other labels as written. */
function label(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 7);
  const s = String(value);
  const m = /^([A-Z][a-z]{2}) (\d{4})$/.exec(s);
  return m ? `${m[2]}-${String(MONTHS.indexOf(m[1] ?? '') + 1).padStart(2, '0')}` : s;
}

/** The header and the rows above the first blank row, from cell values in the sheet's order. */
function rowsOf(table: readonly (readonly unknown[])[]): { headers: string[]; rows: SheetRows } {
  const headers = (table[0] ?? []).map(String);
  const rows: SheetRows = new Map();
  for (const cells of table.slice(1)) {
    if (cells.length === 0 || cells.every((c) => c === null || c === '')) break;
    const r: Record<string, number | null> = {};
    headers.slice(1).forEach((h, i) => {
      const v = cells[i + 1];
      r[h] = v === null || v === undefined || v === '' ? null : Number(v);
    });
    rows.set(label(cells[0]), r);
  }
  return { headers, rows };
}

/** The sheet as exceljs reads it. */
export function readSheet(sheet: ExcelJS.Worksheet): { headers: string[]; rows: SheetRows } {
  const table: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    table.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  }
  return rowsOf(table);
}

/** The sheet as a CSV LibreOffice wrote (parsed to rows of strings). */
export function readCsvSheet(rows: readonly string[][]): { headers: string[]; rows: SheetRows } {
  return rowsOf(rows);
}
