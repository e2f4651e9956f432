// The benchmark's files as LibreOffice writes them: an .xlsx, .xls and .ods saved by Calc from the exceljs-written
// workbook, and a Word .docx IMR whose chronology is a table (written as HTML, saved by Writer), cached in BENCH_DIR.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../test/reliability/workload.js';
import { BENCH_DIR, HEADER, benchXlsx, row } from './generate.js';

const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';

/** Converts `input` with LibreOffice into `out`; `filter` as soffice's --convert-to takes it. */
function soffice(input: string, filter: string, out: string, infilter?: string): void {
  if (!existsSync(SOFFICE)) throw new Error(`LibreOffice not found at ${SOFFICE} (set SOFFICE): it writes the benchmark's office files`);
  const work = mkdtempSync(join(tmpdir(), 'dhr-bench-'));
  try {
    const args = ['--headless', '--norestore', `-env:UserInstallation=file://${work}/profile`];
    if (infilter) args.push(`--infilter=${infilter}`);
    args.push('--convert-to', filter, '--outdir', work, input);
    execFileSync(SOFFICE, args, { stdio: 'pipe', timeout: 900_000 });
    const ext = filter.split(':')[0] ?? filter;
    const base = (input.split('/').pop() ?? '').replace(/\.[^.]+$/, '');
    copyFileSync(join(work, `${base}.${ext}`), out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const FILTERS = { xlsx: 'xlsx:Calc Office Open XML', xls: 'xls:MS Excel 97', ods: 'ods' } as const;

/** The shared-string exceljs workbook of `rows` rows, opened and saved again by LibreOffice Calc. */
export async function benchCalcFile(rows: number, format: keyof typeof FILTERS): Promise<string> {
  const file = join(BENCH_DIR, `chronology-v2-${rows}-libreoffice.${format}`);
  if (!existsSync(file)) soffice(await benchXlsx(rows, 'shared'), FILTERS[format], file);
  return file;
}

const esc = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A Word IMR as authors lay it out: a heading, an agency/author block table, then the chronology table of `rows` rows. */
export function benchDocx(rows: number): string {
  const file = join(BENCH_DIR, `chronology-v2-${rows}.docx`);
  if (existsSync(file)) return file;
  const random = seededRandom(rows);
  const tr = (cells: readonly string[], tag = 'td'): string => `<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
  const body = [
    '<h1>Individual Management Review – Greater Manchester Police</h1>',
    `<table border="1">${tr(['Name of Agency: Greater Manchester Police', 'IMR Report Writer: DS 2290 Karen Ellis'])}</table>`,
    '<p>Comprehensive Agency Chronology</p>',
    `<table border="1">${tr(HEADER, 'th')}${Array.from({ length: rows }, (_, i) => tr(row(i, random))).join('')}</table>`,
  ].join('');
  const work = mkdtempSync(join(tmpdir(), 'dhr-bench-src-'));
  try {
    const page = join(work, `chronology-v2-${rows}.html`);
    writeFileSync(page, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>IMR</title></head><body>${body}</body></html>`);
    soffice(page, 'docx:MS Word 2007 XML', file, 'HTML (StarWriter)');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return file;
}
