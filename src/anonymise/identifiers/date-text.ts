// Regex sources for dates as chronology authors type them, shared by the date-of-birth and reference detectors.

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** A full date: 12/03/1985, 12.3.85, 12-03-1985, 1985-03-12, 12 March 1985, 12th of Mar 1985, March 12th, 1985. */
export const FULL_DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?:${MONTHS})\\.?,?\\s+\\d{2,4}|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})`;

/** A date run together as system extracts print it after a DOB label: 17091987 (day, month, four-digit year). */
export const COMPACT_DATE = `(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\\d{2}`;

/** A partial date: March 1985, 03/1985, 1985. */
export const PARTIAL_DATE = `(?:(?:${MONTHS})\\.?,?\\s+\\d{4}|\\d{1,2}/\\d{4}|(?:19|20)\\d{2})`;
