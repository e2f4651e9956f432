// Reads an .xlsx upload (after the zip guard) into raw cells per row, with 1-based row numbers as Excel shows them.
import type ExcelJS from 'exceljs';
import type { CellValue, RawRow, RawSheet, RawWorkbook } from '../../chronology/types.js';
import { guardXlsx } from '../zip-guard.js';
import { readXlsxStreamed } from './xlsx-stream.js';
import { LimitError, messages } from '../limits.js';
import { cellValue, corruptXlsx, dateSystem, isFormula, isObject, shouldRepeat, type DateSystem } from './xlsx-cells.js';
import type { IngestLimits } from '../limits.js';

interface Slave {
  col: number;
  value: CellValue;
}

function readSheet(ws: ExcelJS.Worksheet, sheetNumber: number, ds: DateSystem, limits: IngestLimits, mergeType: ExcelJS.ValueType): RawSheet {
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    const formulaColumns: number[] = [];
    const vertical: Slave[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > limits.maxColumns && cell.value !== null && cell.value !== undefined) {
        throw new LimitError('columns', messages.columns(rowNumber, limits));
      }
      if (cell.type === mergeType) {
        // Slave of a merged range: only the top-left cell holds the value (see shouldRepeat for the exception).
        const master = cell.master;
        if (Number(master.col) === col && Number(master.row) < rowNumber) vertical.push({ col, value: cellValue(master, ds) });
        return;
      }
      const value = cellValue(cell, ds);
      if (typeof value === 'string' && value.length > limits.maxCellChars) throw new LimitError('cell', messages.cell(rowNumber, limits));
      if (isFormula(cell.value)) formulaColumns.push(col - 1);
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = value;
    });
    const ownContent = cells.some((c) => c !== null);
    for (const slave of vertical) {
      if (ownContent && shouldRepeat(slave.value)) {
        while (cells.length < slave.col - 1) cells.push(null);
        cells[slave.col - 1] = slave.value;
      }
    }
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length > limits.maxColumns) throw new LimitError('columns', messages.columns(rowNumber, limits));
    rows.push(formulaColumns.length > 0 ? { row: rowNumber, cells, formulaColumns } : { row: rowNumber, cells });
  });
  while (rows.length > 0 && (rows[rows.length - 1]?.cells.length ?? 0) === 0) rows.pop();
  if (rows.length > limits.maxRows) throw new LimitError('rows', messages.rows(sheetNumber, limits));
  return { name: ws.name, rows };
}

/** exceljs's load() reads `date1904="1"` only. */
function exceljsSaw1904(wb: ExcelJS.Workbook): boolean {
  const props: unknown = wb.properties;
  return isObject(props) && props.date1904 === true;
}

/**
 * Reads every worksheet. Dates come from exceljs as UTC instants whose UTC fields are what Excel displays (a time-only
 * cell is 1899-12-30T17:00Z, or 1904-01-01T17:00Z in the 1904 system). Vertical merges: see DESIGN notes in shouldRepeat.
 * Most files are read by exceljs's streaming reader (read/xlsx-stream.ts: half the time and memory of load()), the
 * rest by load(), which reads a few constructs the streaming reader does not (see SheetPart); both give the same rows.
 */
export async function readXlsx(buf: Buffer, limits: IngestLimits, reader: 'auto' | 'load' = 'auto'): Promise<RawWorkbook> {
  // exceljs is loaded on the first xlsx only (a csv never needs it), while the guard's inflating runs off-thread.
  const loading = import('exceljs');
  void loading.catch(() => undefined); // a failed load is reported below, unless the guard refuses the file first
  const guard = await guardXlsx(buf, limits);
  const { default: ExcelJS } = await loading;
  const canStream = [...guard.sheetParts.values()].every((p) => p.streamable);
  if (reader === 'auto' && canStream) {
    const sheets = await readXlsxStreamed(buf, guard, limits, ExcelJS);
    if (sheets) return { format: 'xlsx', sheets, date1904: guard.date1904 };
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's load() wants its own Buffer type; ours is the same Node Buffer.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw corruptXlsx();
  }
  const ds = dateSystem(guard.date1904, exceljsSaw1904(wb));
  const sheets = wb.worksheets.map((ws, i) => readSheet(ws, i + 1, ds, limits, ExcelJS.ValueType.Merge));
  return { format: 'xlsx', sheets, date1904: guard.date1904 };
}
