// Calendar words and arithmetic for UK chronology dates: month and weekday names, month lengths, two-digit years.

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan'],
  ['february', 'feb', 'febuary'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

const MONTH_BY_WORD: ReadonlyMap<string, number> = new Map(
  MONTHS.flatMap((words, i) => words.map((w) => [w, i + 1] as const)),
);

/** English month names, index 1–12 (index 0 unused). */
export const MONTH_NAMES = [
  '',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 1–12 for a month name or abbreviation (any case, optional trailing dot), else null. */
export function monthFromWord(word: string): number | null {
  return MONTH_BY_WORD.get(word.toLowerCase().replace(/\.$/, '')) ?? null;
}

/** Weekday names and abbreviations an author may put before a date ('Mon 03/04/2013'). */
export const WEEKDAY_PREFIX =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)\b\.?,?\s*/i;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Two-digit years as UK authors mean them: 00–69 → 2000s, 70–99 → 1900s. */
export function expandTwoDigitYear(yy: number): number {
  return yy <= 69 ? 2000 + yy : 1900 + yy;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export const pad2 = (n: number): string => String(n).padStart(2, '0');
