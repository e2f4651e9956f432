// Seeded chronology uploads (JSON, CSV, xlsx) with the entry count and sha256 the service must report for each.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';

/** mulberry32: a small seeded generator, so a failing run can be replayed from its printed seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const AGENCIES = ['Police', 'GP', 'Housing', 'IDVA', 'Adult Social Care'] as const;
const WORDS = ['attended', 'home', 'visit', 'referral', 'MARAC', 'called', 'police', 'victim', 'seen', 'advice', 'GP', 'letter', 'DASH', 'risk', 'assessment', 'IDVA', 'contact', 'safeguarding', 'appointment', 'phone'];
const HEADER = ['Date', 'Time', 'Source of evidence', 'Name of professional', 'Event description', 'Outcome', 'Comments'];

export type UploadKind = 'json' | 'csv' | 'xlsx';

export interface PreparedUpload {
  kind: UploadKind;
  agency: string;
  fileName: string | null;
  /** The request body and its content type. */
  body: Buffer;
  contentType: string;
  /** What GET /chronologies must show for it once acknowledged. */
  entries: number;
  sha256: string;
}

export interface Row {
  date: string;
  time: string;
  source: string;
  professional: string;
  event: string;
  outcome: string;
  comment: string;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const pad = (n: number): string => String(n).padStart(2, '0');

/** n valid chronology rows (dates within 2012–2014), the first carrying the nonce so each upload's sha256 differs. */
export function rows(rnd: () => number, n: number, nonce: string): Row[] {
  const pick = (): string => WORDS[Math.floor(rnd() * WORDS.length)] ?? 'note';
  const text = (k: number): string => Array.from({ length: k }, pick).join(' ');
  return Array.from({ length: n }, (_, i) => ({
    date: `${pad(1 + Math.floor(rnd() * 28))}/${pad(1 + Math.floor(rnd() * 12))}/${2012 + Math.floor(rnd() * 3)}`,
    time: rnd() < 0.5 ? '' : `${pad(Math.floor(rnd() * 24))}:${pad(Math.floor(rnd() * 60))}`,
    source: `RMS ${text(1)}`,
    professional: `Officer ${i % 50}`,
    event: `${text(12)} (${nonce} row ${i + 1})`,
    outcome: text(4),
    comment: i === 0 ? `upload ${nonce}` : text(3),
  }));
}

export function multipartBody(agency: string, fileName: string, content: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----crash${createHash('md5').update(content).digest('hex').slice(0, 16)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="agency"\r\n\r\n${agency}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function csvUpload(agency: string, data: Row[]): PreparedUpload {
  const lines = [HEADER, ...data.map((r) => [r.date, r.time, r.source, r.professional, r.event, r.outcome, r.comment])];
  const file = Buffer.from(lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8');
  const fileName = `${agency.toLowerCase().replace(/\s+/g, '-')}.csv`;
  return { kind: 'csv', agency, fileName, ...multipartBody(agency, fileName, file), entries: data.length, sha256: sha256(file) };
}

export async function xlsxUpload(agency: string, data: Row[]): Promise<PreparedUpload> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2015, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('Chronology');
  ws.addRow(HEADER);
  for (const r of data) ws.addRow([r.date, r.time, r.source, r.professional, r.event, r.outcome, r.comment]);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const fileName = `${agency.toLowerCase().replace(/\s+/g, '-')}.xlsx`;
  return { kind: 'xlsx', agency, fileName, ...multipartBody(agency, fileName, file), entries: data.length, sha256: sha256(file) };
}

export function jsonUpload(agency: string, data: Row[]): PreparedUpload {
  // Keys in the order of the service's entry schema: it stores sha256(JSON.stringify(validated entries)).
  const entries = data.map((r) => ({
    date: r.date,
    ...(r.time ? { time: r.time } : {}),
    source: r.source,
    professional: r.professional,
    event: r.event,
    outcome: r.outcome,
    comment: r.comment,
  }));
  const body = Buffer.from(JSON.stringify({ agency, entries }));
  return { kind: 'json', agency, fileName: null, body, contentType: 'application/json', entries: entries.length, sha256: sha256(Buffer.from(JSON.stringify(entries))) };
}

/** Random uploads: a few hundred to a few thousand rows, several agencies; xlsx files come from a pre-built pool (slow to build). */
export class Workload {
  private readonly xlsxPool: PreparedUpload[] = [];
  private counter = 0;
  constructor(
    readonly rnd: () => number,
    private readonly sizes: { min: number; max: number } = { min: 200, max: 3000 },
  ) {}

  agency(): string {
    return AGENCIES[Math.floor(this.rnd() * AGENCIES.length)] ?? 'Police';
  }

  size(): number {
    return this.sizes.min + Math.floor(this.rnd() * (this.sizes.max - this.sizes.min + 1));
  }

  async prepareXlsxPool(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const agency = AGENCIES[i % AGENCIES.length] ?? 'Police';
      this.xlsxPool.push(await xlsxUpload(agency, rows(this.rnd, this.size(), `x${i}`)));
    }
  }

  next(kinds: readonly UploadKind[] = ['json', 'csv', 'xlsx']): PreparedUpload {
    const kind = kinds[Math.floor(this.rnd() * kinds.length)] ?? 'json';
    const pooled = this.xlsxPool[Math.floor(this.rnd() * this.xlsxPool.length)];
    if (kind === 'xlsx' && pooled) return pooled;
    const nonce = `u${++this.counter}-${Math.floor(this.rnd() * 1e9).toString(36)}`;
    const data = rows(this.rnd, this.size(), nonce);
    return kind === 'csv' ? csvUpload(this.agency(), data) : jsonUpload(this.agency(), data);
  }
}
