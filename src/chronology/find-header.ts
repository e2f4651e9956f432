// Finds the chronology table in a workbook: the sheet and header row that best match the template headers, and each column's field.
import type { CellValue, Field, RawRow, RawSheet, RawWorkbook } from './types.js';
import { EXPECTED_HEADERS, matchHeader } from './header-words.js';

/** How far down a sheet the header row may be (title rows, author block and guidance sit above it). */
export const HEADER_SCAN_ROWS = 30;

export interface TableColumn {
  /** 0-based index into RawRow.cells. */
  index: number;
  /** The header as the author wrote it (line breaks as spaces); 'Column F' when the header cell is empty. */
  header: string;
  /** The canonical field, or null for a column kept in `extra`. */
  field: Field | null;
}

export type FindTableResult =
  | {
      ok: true;
      sheet: RawSheet;
      /** The header row's number as Excel shows it. */
      headerRow: number;
      /** Index of the header row in sheet.rows (data starts after it). */
      headerIndex: number;
      columns: TableColumn[];
    }
  | { ok: false; seenHeaders: string[]; expected: string[] };

/** 0-based column index → Excel letters (0 → A, 27 → AB). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A header cell's text with line breaks and runs of spaces collapsed; '' when not text-like. */
export function headerText(cell: CellValue | undefined): string {
  if (typeof cell === 'string') return cell.replace(/\s+/g, ' ').trim();
  if (typeof cell === 'number') return String(cell);
  return '';
}

interface Candidate {
  sheet: RawSheet;
  headerIndex: number;
  columns: TableColumn[];
  score: number;
  hasDate: boolean;
  rowsBelow: number;
}

/** Maps a row's cells to fields: each field goes to its best column (then the leftmost); the others stay unmapped. */
function mapRow(row: RawRow): { columns: TableColumn[]; score: number; hasDate: boolean } {
  const texts = row.cells.map(headerText);
  const best = new Map<Field, { index: number; quality: number }>();
  const matches = texts.map((t, index) => {
    const m = matchHeader(t);
    if (m) {
      // A combined Date/Time column competes with a Date column for the same slot.
      const slot: Field = m.field === 'datetime' ? 'date' : m.field;
      const held = best.get(slot);
      if (!held || m.quality > held.quality) best.set(slot, { index, quality: m.quality });
    }
    return m;
  });
  let last = texts.length - 1;
  while (last >= 0 && texts[last] === '') last--;
  const seen = new Map<string, number>();
  const columns: TableColumn[] = [];
  for (let index = 0; index <= last; index++) {
    const m = matches[index];
    const slot = m ? (m.field === 'datetime' ? 'date' : m.field) : null;
    const field = m && slot && best.get(slot)?.index === index ? m.field : null;
    const text = texts[index] ?? '';
    let header = text === '' ? `Column ${columnLetter(index)}` : text;
    const key = header.toLowerCase();
    // Merged header cells repeat their text; keep each column's name unique so errors and extra point at one column.
    if (seen.has(key)) header = `${header} (column ${columnLetter(index)})`;
    seen.set(key, index);
    columns.push({ index, header, field });
  }
  const score = [...best.values()].reduce((sum, b) => sum + b.quality, 0);
  return { columns, score, hasDate: best.has('date') };
}

function isEmptyRow(row: RawRow): boolean {
  return row.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** Within a sheet: a row with a date column beats one without, then the higher score, then the higher row. */
function rowBetter(a: { score: number; hasDate: boolean }, b: Candidate | null): boolean {
  if (!b) return true;
  if (a.hasDate !== b.hasDate) return a.hasDate;
  return a.score > b.score;
}

function bestInSheet(sheet: RawSheet): Candidate | null {
  let best: Candidate | null = null;
  const limit = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = sheet.rows[i];
    if (!row) continue;
    const mapped = mapRow(row);
    if (mapped.score > 0 && rowBetter(mapped, best)) best = { sheet, headerIndex: i, ...mapped, rowsBelow: 0 };
  }
  if (best) best.rowsBelow = sheet.rows.slice(best.headerIndex + 1).filter((r) => !isEmptyRow(r)).length;
  return best;
}

function better(a: Candidate, b: Candidate | null): boolean {
  if (!b) return true;
  if (a.score !== b.score) return a.score > b.score;
  return a.rowsBelow > b.rowsBelow;
}

/** The texts of the row most like a header, for the "no date column" answer. */
function seenHeaders(candidates: Candidate[], workbook: RawWorkbook): string[] {
  const pick = candidates.reduce<Candidate | null>((b, c) => (better(c, b) ? c : b), null);
  if (pick) return pick.columns.map((c) => c.header).filter((h) => !h.startsWith('Column ')).map((h) => h.slice(0, 100));
  let widest: string[] = [];
  for (const sheet of workbook.sheets) {
    for (const row of sheet.rows.slice(0, HEADER_SCAN_ROWS)) {
      const texts = row.cells.map(headerText).filter((t) => t !== '');
      if (texts.length > widest.length) widest = texts;
    }
  }
  return widest.map((h) => h.slice(0, 100));
}

/**
 * Scans the first 30 rows of every sheet for the row that best matches the template headers (a date column is
 * required) and picks the best sheet; ties go to the sheet with more rows below its header, then the first sheet.
 */
export function findTable(workbook: RawWorkbook): FindTableResult {
  const candidates: Candidate[] = [];
  let chosen: Candidate | null = null;
  for (const sheet of workbook.sheets) {
    const c = bestInSheet(sheet);
    if (!c) continue;
    candidates.push(c);
    if (c.hasDate && better(c, chosen)) chosen = c;
  }
  if (!chosen) return { ok: false, seenHeaders: seenHeaders(candidates, workbook), expected: [...EXPECTED_HEADERS] };
  const headerRow = chosen.sheet.rows[chosen.headerIndex]?.row ?? chosen.headerIndex + 1;
  return { ok: true, sheet: chosen.sheet, headerRow, headerIndex: chosen.headerIndex, columns: chosen.columns };
}
