// Turns one chronology row's cells into an entry, or row errors, and gathers the warnings (shared by file and JSON ingest).
import type { CellValue, EntryInput, Field, IngestWarning, ReviewPeriod, RowError } from './types.js';
import { parseDate } from './parse-date.js';
import { parseTime } from './parse-time.js';
import { parseSeen } from './parse-seen.js';
import { cellText, echoCell, isBlank } from './cell-text.js';
import { datePeriod, overlaps } from './date-period.js';
import { FirstRows } from './first-rows.js';

export const DEFAULT_MAX_ERRORS = 1000;

/** A cell of a known field and the column it came from (header text, or the JSON field name). */
export interface FieldCell {
  value: CellValue;
  column: string;
}

export interface RowInput {
  row: number;
  fields: Partial<Record<Field, FieldCell>>;
  extra: FieldCell[];
  /** Columns of this row whose cell held a formula. */
  formulaColumns: string[];
  /** Equal part for part for two rows exactly when every cell is the same (duplicate-row warning). */
  duplicateKey: readonly string[];
}

export interface CollectorOptions {
  sheet: string;
  date1904: boolean;
  reviewPeriod?: ReviewPeriod;
  maxErrors?: number;
  /** Rows with no date but text in event/outcome/comment continue the entry above (files only, not JSON). */
  allowContinuation: boolean;
  /** JSON entries must describe the event; a file row may keep its text in outcome or comment instead. */
  requireEvent: boolean;
  /**
   * Receives settled entries in order while rows are still being read (see EntryCollector.settle), so an upload can
   * be stored while the rest of the file is checked. Without it every entry stays in `entries`.
   */
  sink?: EntrySink;
}

/** Settled entries, in order, a batch at a time. */
export type EntrySink = (entries: EntryInput[]) => void;

/** Settled entries are handed to the sink in batches of this many (the last batch of a file may be smaller). */
export const SINK_BATCH = 1000;

const TEXT_FIELDS = ['source', 'professional', 'contact', 'event', 'outcome', 'comment', 'agency'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const CONTINUING: readonly TextField[] = ['event', 'outcome', 'comment'];

const showIso = (iso: string): string => iso.split('-').reverse().join('/');

export class EntryCollector {
  /** Entries not yet handed to the sink (all of them when there is none). */
  readonly entries: EntryInput[] = [];
  /** Entries handed to the sink so far. */
  private settled = 0;
  readonly warnings: IngestWarning[] = [];
  readonly errors: RowError[] = [];
  totalErrors = 0;
  private readonly maxErrors: number;
  private last: EntryInput | null = null;
  /** False after a row that failed: a continuation of it is not reported again. */
  private lastRowValid = true;
  private anyRow = false;
  private readonly firstRows = new FirstRows();

  constructor(private readonly opts: CollectorOptions) {
    this.maxErrors = opts.maxErrors ?? DEFAULT_MAX_ERRORS;
  }

  private error(row: number, column: string, value: CellValue | undefined, message: string): void {
    this.totalErrors++;
    if (this.errors.length < this.maxErrors) this.errors.push({ row, column, value: echoCell(value), message });
  }

  private warn(row: number, code: IngestWarning['code'], message: string, column?: string): void {
    this.warnings.push(column === undefined ? { row, code, message } : { row, column, code, message });
  }

  add(input: RowInput): void {
    const { row, fields } = input;
    const dateCell = fields.date ?? fields.datetime;
    const timeCell = fields.time;
    const text = {} as Record<TextField, string | null>;
    for (const f of TEXT_FIELDS) text[f] = cellText(fields[f]?.value);
    const extra: Record<string, string> = {};
    for (const c of input.extra) {
      const t = cellText(c.value);
      if (t !== null) extra[c.column] = t;
    }
    const seenBlank = isBlank(fields.seen?.value);
    const otherThanNarrative =
      !seenBlank ||
      Object.keys(extra).length > 0 ||
      TEXT_FIELDS.some((f) => !CONTINUING.includes(f) && text[f] !== null);

    if (isBlank(dateCell?.value) && isBlank(timeCell?.value)) {
      const narrative = CONTINUING.some((f) => text[f] !== null);
      if (this.opts.allowContinuation && narrative && !otherThanNarrative) return this.continuation(row, text, dateCell?.column ?? 'date');
    }
    this.anyRow = true;
    let failed = false;
    const fail = (cell: FieldCell | undefined, column: string, message: string): void => {
      failed = true;
      this.error(row, column, cell?.value, message);
    };
    const dateColumn = dateCell?.column ?? 'date';
    if (isBlank(dateCell?.value)) {
      fail(dateCell, dateColumn, 'This row has no date — every entry needs one: dd/mm/yyyy, or mm/yyyy or yyyy when only the month or year is known');
    }
    const date = isBlank(dateCell?.value) ? null : parseDate(dateCell?.value ?? null, { date1904: this.opts.date1904 });
    if (date && !date.ok) fail(dateCell, dateColumn, date.message);
    const time = parseTime(timeCell?.value ?? null);
    if (!time.ok) fail(timeCell, timeCell?.column ?? 'time', time.message);
    const seen = parseSeen(fields.seen?.value ?? null);
    if (!seen.ok) fail(fields.seen, fields.seen?.column ?? 'seen', seen.message);
    if (this.opts.requireEvent && text.event === null) {
      fail(fields.event, fields.event?.column ?? 'event', 'The event is empty — describe what happened, what was done and what was decided');
    } else if (!otherThanNarrative && CONTINUING.every((f) => text[f] === null) && !isBlank(dateCell?.value)) {
      fail(fields.event, fields.event?.column ?? dateColumn, 'This row has a date but nothing else — describe the event, or delete the row');
    }
    if (failed || !date?.ok || !time.ok || !seen.ok) {
      this.lastRowValid = false;
      return;
    }
    const d = date.value;
    let entryTime = time.value;
    if (entryTime === null && d.time !== null) {
      entryTime = d.time;
      if (typeof dateCell?.value === 'string') {
        this.warn(row, 'date-time-split', `The date and time in one cell were split: date ${showIso(d.iso)}, time ${d.time}`, dateColumn);
      } else {
        this.warn(row, 'time-from-date-cell', `The time ${d.time} was taken from the date cell because the time is empty`, dateColumn);
      }
    }
    const entry: EntryInput = {
      date: d.iso,
      datePrecision: d.precision,
      time: entryTime,
      source: text.source,
      professional: text.professional,
      contact: text.contact,
      event: text.event ?? '',
      outcome: text.outcome,
      seen: seen.value,
      comment: text.comment,
      agency: text.agency,
      extra,
      sheet: this.opts.sheet,
      row,
      dateText: d.text,
      timeText: cellText(timeCell?.value),
    };
    this.warnAbout(input, entry, d.twoDigitYear, dateColumn);
    this.entries.push(entry);
    this.last = entry;
    this.lastRowValid = true;
    if (this.entries.length > SINK_BATCH) this.settle(false);
  }

  /** Every entry accepted so far, handed to the sink or not. */
  get count(): number {
    return this.settled + this.entries.length;
  }

  /**
   * Hands entries to the sink while no row has failed (after a failure nothing will be stored, so nothing more is
   * sent). The last entry stays until `end`: a continuation row below may still add to its text.
   */
  settle(end: boolean): void {
    const sink = this.opts.sink;
    if (!sink || this.totalErrors > 0) return;
    const batch = this.entries.splice(0, end ? this.entries.length : this.entries.length - 1);
    if (batch.length === 0) return;
    this.settled += batch.length;
    sink(batch);
  }

  private warnAbout(input: RowInput, entry: EntryInput, twoDigitYear: boolean, dateColumn: string): void {
    const { row } = input;
    if (twoDigitYear) {
      entry.ambiguousDate = true;
      this.warn(row, 'two-digit-year', `${entry.dateText ?? ''} has a two-digit year, read as ${entry.date.slice(0, 4)} — please check it and write the year in full`, dateColumn);
    }
    const review = this.opts.reviewPeriod;
    // A whole date (most rows) is its own one-day period; a month or year covers more days.
    const period = entry.datePrecision === 'day' ? { start: entry.date, end: entry.date } : datePeriod(entry.date);
    if (review && period && !overlaps(period, { start: review.from, end: review.to })) {
      this.warn(row, 'outside-review-period', `${entry.dateText ?? entry.date} is outside the review period ${showIso(review.from)} to ${showIso(review.to)}`, dateColumn);
    }
    for (const column of input.formulaColumns) {
      this.warn(row, 'formula-cell', 'This cell holds a formula; its last calculated value was used', column);
    }
    const first = this.firstRows.firstWith(input.duplicateKey, row);
    if (first !== row) this.warn(row, 'duplicate-row', `This row repeats row ${first} exactly; both are kept`);
  }

  private continuation(row: number, text: Record<TextField, string | null>, dateColumn: string): void {
    if (!this.anyRow) {
      this.error(row, dateColumn, null, 'This row has no date and there is no entry above it to continue — add the date');
      return;
    }
    const last = this.last;
    // The row above failed: it is already reported, and this one only continues it.
    if (!this.lastRowValid || !last) return;
    for (const f of CONTINUING) {
      const add = text[f];
      if (add === null) continue;
      const before = f === 'event' ? last.event : last[f];
      const joined = before ? `${before}\n${add}` : add;
      if (f === 'event') last.event = joined;
      else last[f] = joined;
    }
    this.warn(row, 'continuation-merged', `This row has no date, so its text was added to the entry in row ${last.row}`);
  }
}
