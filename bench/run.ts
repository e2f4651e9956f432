// `npm run bench`: runs each benchmark step in a fresh process (so peak RSS is its own) and prints a table.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchCsv, benchXlsx } from './generate.js';
import { benchCalcFile, benchDocx } from './office-files.js';
import type { Figures } from './measure.js';

/**
 * `args` may be made only when the step runs (the ingest files, generated once into data/bench), so a run of one
 * group does not write the others' files; `baseline`: the step the others of its group are shown as a multiple of.
 */
const steps: { group: string; step: string; args: string[] | (() => Promise<string[]> | string[]); baseline?: true }[] = [];

// The upload server runs compiled, as in production: under tsx it starts ~55 MB larger and every closure pays for
// esbuild's helpers.
execFileSync(process.execPath, [fileURLToPath(import.meta.resolve('typescript/bin/tsc')), '-p', 'tsconfig.bench.json'], { stdio: 'inherit' });

// Each ingest step reads a 1 000-row file once first (unmeasured), so neither side's figure is JIT warm-up. Every
// upload is shown beside a plain read of the same file by the library made for it (exceljs readFile for xlsx, SheetJS
// for xls/ods, mammoth for docx), and beside our reader alone (the read itself, no HTTP, no store).
const ingest = (group: string, baseline: string, files: () => Promise<string[]> | string[]): void => {
  steps.push(
    { group, step: baseline, args: files, baseline: true },
    { group, step: 'ourRead', args: files },
    { group, step: 'upload', args: files },
  );
};
ingest('ingest 50 000-row xlsx, shared strings (exceljs writer)', 'plainExceljsReadFile', async () => [await benchXlsx(50_000, 'shared'), await benchXlsx(1_000, 'shared')]);
ingest('ingest 50 000-row xlsx, inline strings (exceljs streaming writer, useSharedStrings: false)', 'plainExceljsReadFile', async () => [await benchXlsx(50_000), await benchXlsx(1_000)]);
ingest('ingest 50 000-row xlsx saved by LibreOffice', 'plainExceljsReadFile', async () => [await benchCalcFile(50_000, 'xlsx'), await benchCalcFile(1_000, 'xlsx')]);
// An .xls stores every string uncompressed: 50 000 rows are 30 MB, over the 25 MB upload limit, so 30 000 rows.
ingest('ingest 30 000-row .xls saved by LibreOffice', 'plainSheetJs', async () => [await benchCalcFile(30_000, 'xls'), await benchCalcFile(1_000, 'xls')]);
ingest('ingest 50 000-row .ods saved by LibreOffice', 'plainSheetJs', async () => [await benchCalcFile(50_000, 'ods'), await benchCalcFile(1_000, 'ods')]);
// LibreOffice Writer's time to lay out a table grows with the square of its rows (1 000 rows 7 s, 2 000 rows 33 s,
// 5 000 over 3 minutes): 2 000 rows, already a very long IMR.
ingest('ingest 2 000-row Word table (.docx saved by LibreOffice)', 'plainMammoth', () => [benchDocx(2_000), benchDocx(1_000)]);
const csv = (): string[] => [benchCsv(50_000), benchCsv(1_000)];
steps.push(
  { group: 'ingest 50 000-row csv', step: 'plainCsv', args: csv, baseline: true },
  { group: 'ingest 50 000-row csv', step: 'plainPapaparse', args: csv },
  { group: 'ingest 50 000-row csv', step: 'upload', args: csv },
);

// Exports through the route (issue #19): a store seeded once under data/bench, a compiled server in its own process
// (its peak RSS and loop delay; /health probed meanwhile), each beside a plain write of the same rows by the library
// made for the format. The docx package builds the whole document in memory: measured at 20 000 rows.
const EXPORTS = 'exports through the route';
steps.push(
  { group: `${EXPORTS}: XLSX 100 000`, step: 'plainXlsxWrite', args: [], baseline: true },
  { group: `${EXPORTS}: XLSX 100 000`, step: 'exportRoute', args: ['xlsx', '100000', 'initials'] },
  { group: `${EXPORTS}: DOCX 100 000`, step: 'plainDocxWrite', args: ['20000'], baseline: true },
  { group: `${EXPORTS}: DOCX 100 000`, step: 'exportRoute', args: ['docx', '20000', 'initials'] },
  { group: `${EXPORTS}: DOCX 100 000`, step: 'exportRoute', args: ['docx', '100000', 'initials'] },
  { group: `${EXPORTS}: CSV 100 000`, step: 'plainCsvWrite', args: ['100000'], baseline: true },
  { group: `${EXPORTS}: CSV 100 000`, step: 'exportRoute', args: ['csv', '100000', 'initials'] },
  { group: `${EXPORTS}: 1 000 000`, step: 'plainCsvWrite', args: ['1000000'], baseline: true },
  { group: `${EXPORTS}: 1 000 000`, step: 'exportRoute', args: ['csv', '1000000', 'initials'] },
  { group: `${EXPORTS}: 1 000 000`, step: 'exportRoute', args: ['json', '1000000', 'initials'] },
  { group: `${EXPORTS}: PDF 100 000`, step: 'pdfPlainFlow', args: ['100000'], baseline: true },
  { group: `${EXPORTS}: PDF 100 000`, step: 'exportRoute', args: ['pdf', '100000', 'initials'] },
);
// The PDF export: the writer beside pdfkit's simplest text flow with the same rows and font, then through the route.
for (const n of [5_000, 100_000]) {
  steps.push({ group: 'PDF export', step: 'pdfWriter', args: [String(n)] }, { group: 'PDF export', step: 'pdfPlainFlow', args: [String(n)] });
}
steps.push({ group: 'PDF export', step: 'exportPdf', args: ['1'] }, { group: 'PDF export', step: 'exportPdf', args: ['20'] });
steps.push(
  { group: 'anonymise ~20 MB of chronology text', step: 'anonymise', args: ['20'] },
  { group: 'anonymise ~20 MB of chronology text', step: 'anonymise', args: ['5', 'uncached'] },
  { group: 'anonymise ~20 MB of chronology text', step: 'compromisePeople', args: ['0.5'] },
);

const only = process.env.BENCH_ONLY;
if (only) steps.splice(0, steps.length, ...steps.filter((s) => s.group.includes(only)));

function runStep(step: string, args: string[]): Figures {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/step.ts', step, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = out.split('\n').find((l) => l.startsWith('FIGURES '));
  if (!line) throw new Error(`step ${step} printed no figures`);
  return JSON.parse(line.slice('FIGURES '.length)) as Figures;
}

let group = '';
let baseline: Figures | undefined;
for (const s of steps) {
  if (s.group !== group) {
    group = s.group;
    baseline = undefined;
    console.log(`\n## ${group}`);
  }
  const f = runStep(s.step, typeof s.args === 'function' ? await s.args() : s.args);
  if (s.baseline) baseline = f;
  const times = baseline && !s.baseline ? `${(f.seconds / baseline.seconds).toFixed(2)}× baseline` : '';
  const rate = f.rows ? `${Math.round(f.rows / f.seconds).toLocaleString('en-GB')} rows/s` : '';
  const mbs = f.bytes ? `${(f.bytes / 1048576 / f.seconds).toFixed(1)} MB/s` : '';
  console.log(
    `${f.name.padEnd(58)} ${f.seconds.toFixed(2).padStart(6)} s ${times.padStart(15)}  ${rate.padStart(14)}  ${mbs.padStart(10)}  peak RSS ${String(f.peakRssMb).padStart(5)} MB  loop delay ${String(f.maxLoopDelayMs).padStart(4)} ms${f.note ? `  (${f.note})` : ''}`,
  );
}
