// An entry as the row the store writes, values in column order: the form entries cross from the ingest worker in.
import type { DatePrecision, EntryInput } from './types.js';

/**
 * The values of one entries-table row that come from the entry itself, in the order of the table's columns after
 * id, submission, case and position (which the store adds): an array crosses threads and binds to a prepared
 * statement with far less work than an object with named fields.
 */
export type EntryRow = [
  date: string,
  datePrecision: DatePrecision,
  time: string | null,
  source: string | null,
  professional: string | null,
  contact: string | null,
  event: string,
  outcome: string | null,
  seen: 0 | 1 | null,
  comment: string | null,
  agency: string | null,
  /** The extra columns as JSON ('{}' for none). */
  extra: string,
  sheet: string,
  row: number,
  dateText: string | null,
  timeText: string | null,
  ambiguousDate: 0 | 1,
];

/** Most rows have no extra columns: their '{}' needs no JSON.stringify. */
function stringifyExtra(extra: Record<string, string>): string {
  for (const _ in extra) return JSON.stringify(extra);
  return '{}';
}

export function toEntryRow(e: EntryInput): EntryRow {
  return [
    e.date,
    e.datePrecision,
    e.time,
    e.source,
    e.professional,
    e.contact,
    e.event,
    e.outcome,
    e.seen === null ? null : e.seen ? 1 : 0,
    e.comment,
    e.agency,
    stringifyExtra(e.extra),
    e.sheet,
    e.row,
    e.dateText,
    e.timeText,
    e.ambiguousDate ? 1 : 0,
  ];
}

/** The entry again, as ingest built it (`ambiguousDate` only when set). */
export function fromEntryRow(r: EntryRow): EntryInput {
  const [date, datePrecision, time, source, professional, contact, event, outcome, seen, comment, agency, extra, sheet, row, dateText, timeText, ambiguous] = r;
  const entry: EntryInput = {
    date,
    datePrecision,
    time,
    source,
    professional,
    contact,
    event,
    outcome,
    seen: seen === null ? null : seen === 1,
    comment,
    agency,
    extra: extra === '{}' ? {} : (JSON.parse(extra) as Record<string, string>),
    sheet,
    row,
    dateText,
    timeText,
  };
  if (ambiguous === 1) entry.ambiguousDate = true;
  return entry;
}

/**
 * What a source of entry rows throws when the rows it has given so far are void (the reader is sending them again,
 * from the first): the consumer drops what it did with them (a store rolls back) and asks for the rows again.
 */
export class EntriesRestarted extends Error {
  constructor() {
    super('the entries are being sent again');
  }
}
