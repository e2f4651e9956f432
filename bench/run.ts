// `npm run bench`: runs each benchmark step in a fresh process (so peak RSS is its own) and prints a table.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchCsv, benchXlsx } from './generate.js';
import type { Figures } from './measure.js';

const steps: { group: string; step: string; args: string[] }[] = [];

// The upload server runs compiled, as in production: under tsx it starts ~55 MB larger and every closure pays for
// esbuild's helpers.
execFileSync(process.execPath, [fileURLToPath(import.meta.resolve('typescript/bin/tsc')), '-p', 'tsconfig.bench.json'], { stdio: 'inherit' });

// Each ingest step reads a 1 000-row file once first (unmeasured), so neither side's figure is JIT warm-up.
const xlsx = [await benchXlsx(50_000), await benchXlsx(1_000)];
const csv = [benchCsv(50_000), benchCsv(1_000)];
steps.push(
  { group: 'ingest 50 000-row xlsx', step: 'plainXlsx', args: xlsx },
  { group: 'ingest 50 000-row xlsx', step: 'upload', args: xlsx },
  { group: 'ingest 50 000-row csv', step: 'plainCsv', args: csv },
  { group: 'ingest 50 000-row csv', step: 'plainPapaparse', args: csv },
  { group: 'ingest 50 000-row csv', step: 'upload', args: csv },
);

for (const format of ['json', 'csv', 'xlsx']) {
  steps.push({ group: 'merge and export 20 agencies × 5 000 entries', step: 'exportTimeline', args: [format, 'real'] });
}
// The Word export is bounded at 10 000 entries (it is built whole in memory): measured at that bound.
steps.push({ group: 'merge and export 20 agencies × 5 000 entries', step: 'exportTimeline', args: ['docx', 'real', '2'] });
steps.push({ group: 'merge and export 20 agencies × 5 000 entries', step: 'plainXlsxWrite', args: [] });
steps.push({ group: 'merge and export 20 agencies × 5 000 entries', step: 'exportTimeline', args: ['xlsx', 'initials'] });
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
for (const s of steps) {
  if (s.group !== group) {
    group = s.group;
    console.log(`\n## ${group}`);
  }
  const f = runStep(s.step, s.args);
  const rate = f.rows ? `${Math.round(f.rows / f.seconds).toLocaleString('en-GB')} rows/s` : '';
  const mbs = f.bytes ? `${(f.bytes / 1048576 / f.seconds).toFixed(1)} MB/s` : '';
  console.log(
    `${f.name.padEnd(58)} ${f.seconds.toFixed(2).padStart(6)} s  ${rate.padStart(14)}  ${mbs.padStart(10)}  peak RSS ${String(f.peakRssMb).padStart(5)} MB  loop delay ${String(f.maxLoopDelayMs).padStart(4)} ms${f.note ? `  (${f.note})` : ''}`,
  );
}
