// Turns raw cells into the text an entry stores and the text a row error echoes back to the author.
import type { CellValue } from './types.js';
import { pad2 } from './month-names.js';

/** Longest cell text echoed back in a row error (the author has the full cell in their file). */
const MAX_ECHO = 500;

/** True for a cell with nothing in it (null or only whitespace). */
export function isBlank(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** A date cell as Excel shows it in a UK workbook: dd/mm/yyyy, with HH:MM when it carries a time. */
export function showDateCell(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return '';
  const r = new Date(Math.round(t / 60_000) * 60_000);
  const day = `${pad2(r.getUTCDate())}/${pad2(r.getUTCMonth() + 1)}/${r.getUTCFullYear()}`;
  const h = r.getUTCHours();
  const m = r.getUTCMinutes();
  return h === 0 && m === 0 ? day : `${day} ${pad2(h)}:${pad2(m)}`;
}

/** A cell as text: trimmed, CRLF and CR as \n, internal line breaks kept; null when blank. */
export function cellText(cell: CellValue | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    const t = (cell.includes('\r') ? cell.replace(/\r\n?/g, '\n') : cell).trim();
    return t === '' ? null : t;
  }
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return showDateCell(cell) || null;
}

/** The cell as text for RowError.value ('' when blank), cut short when very long. */
export function echoCell(cell: CellValue | undefined): string {
  const t = cellText(cell) ?? '';
  return t.length > MAX_ECHO ? `${t.slice(0, MAX_ECHO)}…` : t;
}
