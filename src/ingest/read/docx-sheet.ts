// A Word table as a sheet of raw rows, laid on its grid as Word shows it: a cell spanning columns (gridSpan) holds its
// text in its first column, skipped columns (gridBefore/After) are empty, and a vertical merge (vMerge) shows its
// text once, in the top cell — repeated down, as in an xlsx, only when it is short and the row has text of its own.
import type { CellValue, IngestWarning, RawRow, RawSheet } from '../../chronology/types.js';
import { LimitError, messages, type IngestLimits } from '../limits.js';
import type { DocxTable } from './docx-tables.js';
import { shouldRepeat } from './xlsx-cells.js';

/** `sheet` of a Word table's entries and errors: its number among the document's tables, as the author counts them. */
export const tableName = (index: number): string => `Table ${index + 1}`;

const TRACKED = (row: number): IngestWarning => ({
  row,
  code: 'tracked-changes',
  message:
    'The table has tracked changes that were not accepted: insertions were read and deletions left out. Accept or reject the changes in Word (Review › Accept), then upload again if that is not what you meant.',
});

/** Rows are numbered as in the table (its first row is 1); a row Word would drop on accepting its deletion is left out. */
export function tableSheet(table: DocxTable, index: number, limits: IngestLimits): RawSheet {
  const rows: RawRow[] = [];
  /** The text of the vertical merge open in each grid column (its restart cell), if any. */
  const masters: (string | null | undefined)[] = [];
  let firstChange = 0;
  table.rows.forEach((source, i) => {
    const rowNumber = i + 1;
    if (source.changed && firstChange === 0) firstChange = rowNumber;
    const cells: CellValue[] = [];
    const vertical: { col: number; value: string | null }[] = [];
    let col = source.gridBefore;
    for (const cell of source.cells) {
      if (cell.vMerge === 'continue') {
        vertical.push({ col, value: masters[col] ?? null });
      } else {
        for (let c = col; c < col + cell.span; c++) masters[c] = undefined;
        if (cell.vMerge === 'restart') masters[col] = cell.text === '' ? null : cell.text;
        if (cell.text !== '') {
          while (cells.length < col) cells.push(null);
          cells[col] = cell.text;
        }
      }
      col += cell.span;
    }
    if (source.deleted) return;
    const ownContent = cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === ''));
    for (const { col: c, value } of vertical) {
      if (ownContent && value !== null && shouldRepeat(value)) {
        while (cells.length < c) cells.push(null);
        cells[c] = value;
      }
    }
    while (cells.length > 0 && (cells[cells.length - 1] === null || cells[cells.length - 1] === '')) cells.pop();
    if (cells.length > limits.maxColumns) throw new LimitError('columns', messages.columns(rowNumber, limits));
    rows.push({ row: rowNumber, cells: cells.map((c) => (c === '' ? null : c)) });
  });
  while (rows.length > 0 && (rows[rows.length - 1]?.cells.length ?? 0) === 0) rows.pop();
  const sheet: RawSheet = { name: tableName(index), rows };
  if (firstChange > 0) sheet.warnings = [TRACKED(firstChange)];
  return sheet;
}
