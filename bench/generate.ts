// Generates large realistic chronologies for the benchmarks (xlsx via exceljs streaming writer, csv as text).
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export const BENCH_DIR = join(process.cwd(), 'data', 'bench');

const AGENCY_TEXT = [
  'Officers attended the address following a 999 call from Sarah Thompson reporting that her partner Mark Reid had pushed her. DASH completed, assessed as medium risk. Mark Reid arrested and interviewed; NFA.',
  'Sarah attended the surgery with bruising to her upper arm; said she had walked into a door. GP Dr Sharma asked about safety at home; Sarah declined referral. Follow-up in two weeks.',
  'Housing officer visited Flat 3 to discuss rent arrears. Tenant disclosed her partner controls the money. Signposted to IDVA service and given the number for the helpline.',
  'IDVA telephoned Sarah; she said things were calmer. Safety plan reviewed, including a code word with her sister Aoife. Case to remain open; MARAC referral considered but not made.',
];

function row(i: number): [string, string, string, string, string, string, string] {
  const day = (i % 28) + 1;
  const month = (Math.floor(i / 28) % 12) + 1;
  const year = 2012 + (Math.floor(i / 336) % 3);
  const date = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
  const time = `${String(8 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
  // Each narrative differs (log numbers, a varying clause) so the file compresses like a real one, not a repeat.
  const text = `${AGENCY_TEXT[i % AGENCY_TEXT.length] ?? ''} ${AGENCY_TEXT[(i * 3 + 1) % AGENCY_TEXT.length] ?? ''} Log ${100000 + i * 37}; review ${(i * 7919) % 100003}.`;
  return [date, time, `Record system ${i % 97}`, `PC ${4000 + (i % 900)} Helen Fraser`, 'Sarah Thompson', text, `Reviewed by panel on ${(i % 28) + 1}/${(i % 12) + 1}`];
}

const HEADER = ['Date', 'Time', 'Source of evidence', 'Name of professional', 'Contact with', 'Event description, actions taken, decisions made', 'Comments'];

export async function benchXlsx(rows: number): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `chronology-${rows}.xlsx`);
  if (existsSync(file)) return file;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useSharedStrings: false });
  const ws = wb.addWorksheet('Chronology');
  ws.addRow(['Comprehensive Agency Chronology']).commit();
  ws.addRow(['Agency: Greater Manchester Police']).commit();
  ws.addRow([]).commit();
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
  return file;
}

export function benchCsv(rows: number): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `chronology-${rows}.csv`);
  if (existsSync(file)) return file;
  const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = [HEADER.map(q).join(',')];
  for (let i = 0; i < rows; i++) lines.push(row(i).map(q).join(','));
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}
