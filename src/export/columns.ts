// The columns of the CSV and XLSX timeline exports and the display text of each cell.
import type { TimelineEntry, TimelineFlag } from '../chronology/types.js';
import { formatDisplayDate } from './format-date.js';

export const TIMELINE_COLUMNS = [
  'Date',
  'Time',
  'Agency',
  'Source',
  'Professional',
  'Contact',
  'Event',
  'Outcome',
  'Victim seen',
  'Comment',
  'Flags',
] as const;

export type TimelineColumn = (typeof TIMELINE_COLUMNS)[number];

const FLAG_LABELS: Record<TimelineFlag, string> = {
  'outside-review-period': 'Outside review period',
  'ambiguous-date': 'Ambiguous date',
  'possible-duplicate': 'Possible duplicate',
};

/** Flags as people read them, e.g. 'Outside review period; Possible duplicate'. */
export function flagsText(flags: readonly TimelineFlag[]): string {
  return flags.map((f) => FLAG_LABELS[f]).join('; ');
}

/** true → 'Yes', false → 'No', unknown → ''. */
export function seenText(seen: boolean | null): string {
  return seen === null ? '' : seen ? 'Yes' : 'No';
}

/** One entry as display text per column (not yet made safe for a spreadsheet). */
export function timelineRowTexts(e: TimelineEntry): Record<TimelineColumn, string> {
  return {
    Date: formatDisplayDate(e.date, e.datePrecision),
    Time: e.time ?? '',
    Agency: e.agency,
    Source: e.source ?? '',
    Professional: e.professional ?? '',
    Contact: e.contact ?? '',
    Event: e.event,
    Outcome: e.outcome ?? '',
    'Victim seen': seenText(e.seen),
    Comment: e.comment ?? '',
    Flags: flagsText(e.flags),
  };
}
