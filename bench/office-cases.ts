// Baselines for the ingest benchmark, one per process: exceljs readFile, SheetJS and mammoth reading the same file
// the upload reads, and our own reader with entry building alone (no HTTP, no store): the read itself.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { ingestFile } from '../src/ingest/ingest.js';
import { defaultLimits } from '../src/ingest/limits.js';
import { measure, report } from './measure.js';

/** exceljs's readFile, every row of every sheet visited: what the targets are measured against. */
async function exceljsReadFile(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let rows = 0;
  wb.eachSheet((ws) => ws.eachRow(() => rows++));
  return rows;
}

export async function plainExceljsReadFile(file: string, warm: string): Promise<void> {
  await exceljsReadFile(warm);
  report(await measure('plain exceljs readFile', async () => ({ rows: await exceljsReadFile(file), bytes: readFileSync(file).length })));
}

/** SheetJS (the build the service runs) reading the whole workbook as the service does (dense), every row counted. */
async function sheetJsRows(buf: Buffer): Promise<number> {
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.read(buf, { type: 'buffer', dense: true });
  let rows = 0;
  for (const name of wb.SheetNames) rows += (wb.Sheets[name]?.['!data'] ?? []).length;
  return rows;
}

export async function plainSheetJs(file: string, warm: string): Promise<void> {
  // SheetJS notes what it cannot format in an .ods (hundreds of lines); the service's worker silences it too.
  console.warn = () => undefined;
  await sheetJsRows(readFileSync(warm));
  const buf = readFileSync(file);
  report(await measure('plain SheetJS read', async () => ({ rows: await sheetJsRows(buf), bytes: buf.length })));
}

/** mammoth converting the document to HTML (it reads tables as tables), table rows counted. */
async function mammothRows(buf: Buffer): Promise<number> {
  const { value } = await mammoth.convertToHtml({ buffer: buf });
  return value.split('<tr>').length - 1;
}

export async function plainMammoth(file: string, warm: string): Promise<void> {
  await mammothRows(readFileSync(warm));
  const buf = readFileSync(file);
  report(await measure('plain mammoth convertToHtml', async () => ({ rows: await mammothRows(buf), bytes: buf.length })));
}

/** The service's reader and entry building in this process, entries dropped as they settle: the read itself. */
export async function ourRead(file: string, warm: string): Promise<void> {
  const limits = { ...defaultLimits };
  const read = async (buf: Buffer): Promise<number> => {
    const out = await ingestFile(buf, file, { limits }, () => undefined, () => undefined);
    if (!out.ok) throw new Error(`the bench file was refused: ${out.failure.code}`);
    return out.count;
  };
  await read(readFileSync(warm));
  const buf = readFileSync(file);
  report(await measure('our reader + entries (no HTTP, no store)', async () => ({ rows: await read(buf), bytes: buf.length })));
}
