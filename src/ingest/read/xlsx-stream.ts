// Reads a guarded .xlsx with exceljs's streaming reader, fed the parts straight from the zip: about half the time and
// memory of load(), with merged cells applied from the ranges the guard collected (the streaming reader skips them).
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Entry, ZipFile } from 'yauzl';
import type { CellValue, RawRow, RawSheet } from '../../chronology/types.js';
import { LimitError, messages, type IngestLimits } from '../limits.js';
import { entryName, openInflated, openZip, type ZipGuardReport } from '../zip-guard.js';
import { cellValue, dateSystem, isFormula, type DateSystem } from './xlsx-cells.js';
import { mergesOf, MergeWalk, type Merge } from './merges.js';

type ExcelJSModule = typeof ExcelJS;

/**
 * The parts of exceljs's WorkbookReader used here: its per-part parsers, which its own parse() calls in zip order
 * (writing worksheets that come before the shared strings to temporary files, which must not happen to this data).
 * Called here in the order that needs no temporary file.
 */
interface PartParsers {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseStyles(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncIterable<unknown>;
  _parseWorksheet(part: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
  sharedStrings?: unknown[];
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

/** Something load() would read differently or better (rows out of order, a parser error): the caller uses load(). */
class NotStreamable extends Error {}

async function readSheetStreamed(rows: AsyncIterable<ExcelJS.Row>, sheetNumber: number, merges: Merge[], ds: DateSystem, limits: IngestLimits): Promise<RawRow[]> {
  const out: RawRow[] = [];
  const walk = new MergeWalk(merges);
  let last = 0;
  const take = (row: RawRow): void => {
    // load() numbers every row up to the last; past maxRows only a row with content matters, and it is refused.
    if (row.row > limits.maxRows) {
      if (row.cells.length > 0) throw new LimitError('rows', messages.rows(sheetNumber, limits));
      return;
    }
    for (let gap = last + 1; gap < row.row; gap++) out.push({ row: gap, cells: [] });
    last = row.row;
    out.push(row);
  };
  for await (const row of rows) {
    const rowNumber = row.number;
    if (!Number.isInteger(rowNumber) || rowNumber <= last) throw new NotStreamable();
    const cells: CellValue[] = [];
    const formulaColumns: number[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > limits.maxColumns && cell.value !== null && cell.value !== undefined) throw new LimitError('columns', messages.columns(rowNumber, limits));
      const value = cellValue(cell, ds);
      if (typeof value === 'string' && value.length > limits.maxCellChars) throw new LimitError('cell', messages.cell(rowNumber, limits));
      if (isFormula(cell.value)) formulaColumns.push(col - 1);
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = value;
    });
    const isSlave = walk.apply(rowNumber, cells, limits);
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length > limits.maxColumns) throw new LimitError('columns', messages.columns(rowNumber, limits));
    const kept = formulaColumns.filter((i) => !isSlave(i));
    take(kept.length > 0 ? { row: rowNumber, cells, formulaColumns: kept } : { row: rowNumber, cells });
  }
  while (out.length > 0 && (out[out.length - 1]?.cells.length ?? 0) === 0) out.pop();
  return out;
}

/** `worksheets/sheet1.xml` (relative to xl/) or `/xl/worksheets/sheet1.xml` → the zip entry's name. */
const partName = (target: string): string => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

/**
 * The sheets in load()'s order (by sheet id), or undefined when the workbook is laid out in a way this reader does
 * not follow (a sheet whose part is missing or not a plain worksheet): the caller then uses load().
 */
export async function readXlsxStreamed(buf: Buffer, guard: ZipGuardReport, limits: IngestLimits, excel: ExcelJSModule): Promise<RawSheet[] | undefined> {
  const zip: ZipFile = await openZip(buf);
  try {
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entryName(entry), entry);
    const part = async (name: string): Promise<Readable | undefined> => {
      const entry = entries.get(name);
      return entry ? openInflated(zip, entry) : undefined;
    };
    const reader = new excel.stream.xlsx.WorkbookReader(undefined as unknown as string, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    }) as unknown as PartParsers;
    const rels = await part('xl/_rels/workbook.xml.rels');
    const workbook = await part('xl/workbook.xml');
    if (!rels || !workbook) return undefined;
    await reader._parseRels(rels);
    await reader._parseWorkbook(workbook);
    const styles = await part('xl/styles.xml');
    if (styles) await reader._parseStyles(styles);
    const shared = await part('xl/sharedStrings.xml');
    if (shared) for await (const _ of reader._parseSharedStrings(shared)); // cached on the reader
    reader.sharedStrings ??= [];
    const ds = dateSystem(guard.date1904, reader.properties?.model?.date1904 === true);
    const sheets = [...(reader.model?.sheets ?? [])].sort((a, b) => a.id - b.id);
    const plan = sheets.map((s) => {
      const name = partName(reader.workbookRels?.find((r) => r.Id === s.rId)?.Target ?? '');
      return { sheet: s, name, facts: guard.sheetParts.get(name) };
    });
    if (plan.some((p) => !p.facts)) return undefined;
    const out: RawSheet[] = [];
    for (const [i, { sheet, name, facts }] of plan.entries()) {
      const stream = await part(name);
      const parsed = stream ? [...reader._parseWorksheet(stream, String(sheet.id))][0] : undefined;
      if (!parsed || !facts) return undefined;
      out.push({ name: sheet.name, rows: await readSheetStreamed(parsed.value, i + 1, mergesOf(facts, limits), ds, limits) });
    }
    return out;
  } catch (err) {
    if (err instanceof LimitError) throw err;
    return undefined; // NotStreamable, or an error load() will report in its own words if it meets it too
  } finally {
    zip.close();
  }
}
