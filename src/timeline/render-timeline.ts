// Renders a merged timeline already in memory in the requested format (the stateless merge), each streamed as written.
import { PassThrough, type Readable } from 'node:stream';
import type { TimelineEntry } from '../chronology/types.js';
import type { ExportContext } from '../export/export-context.js';
import { timelineToCsv } from '../export/to-csv.js';
import { timelineToJson } from '../export/to-json.js';
import { writeTimelineDocx } from '../export/to-docx.js';
import { writeTimelinePdf } from '../export/to-pdf.js';
import { writeTimelineXlsx } from '../export/to-xlsx.js';
import { FORMAT_TYPES } from './timeline-schemas.js';

export type Format = keyof typeof FORMAT_TYPES;

export interface Rendered {
  contentType: string;
  extension: string;
  body: Readable | Buffer;
}

const TYPES: Record<Format, string> = FORMAT_TYPES;


export async function renderTimeline(
  format: Format,
  entries: readonly TimelineEntry[],
  ctx: ExportContext,
  json: { head: Record<string, unknown>; tail: Record<string, unknown> },
): Promise<Rendered> {
  const contentType = TYPES[format];
  switch (format) {
    case 'json':
      return { contentType, extension: 'json', body: timelineToJson(entries, json.head, () => json.tail) };
    case 'csv':
      return { contentType, extension: 'csv', body: timelineToCsv(entries) };
    case 'xlsx': {
      const out = new PassThrough();
      writeTimelineXlsx(entries, ctx, out).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error('xlsx failed')));
      return { contentType, extension: 'xlsx', body: out };
    }
    case 'docx': {
      const out = new PassThrough();
      writeTimelineDocx(entries, ctx, out).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error('docx failed')));
      return { contentType, extension: 'docx', body: out };
    }
    case 'pdf': {
      const out = new PassThrough();
      writeTimelinePdf(entries, ctx, out).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error('pdf failed')));
      return { contentType, extension: 'pdf', body: out };
    }
  }
}

/** `<case>-chronology-<yyyy-mm-dd>.<ext>`, the case part reduced to safe ASCII. */
export function attachmentName(caseTitle: string, extension: string, now = new Date()): string {
  const slug =
    caseTitle
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'case';
  return `${slug}-chronology-${now.toISOString().slice(0, 10)}.${extension}`;
}
