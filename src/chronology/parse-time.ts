// Parses a chronology time cell ('17:00', '1700', '5.30 pm', Excel time fractions and cells) into 24-hour HH:MM.
import type { CellValue } from './types.js';
import { pad2 } from './month-names.js';

export type TimeResult = { ok: true; value: string | null } | { ok: false; message: string };

const HOW = 'use the 24-hour clock HH:MM, e.g. 17:00';
const MINUTES_PER_DAY = 24 * 60;

const fail = (message: string): TimeResult => ({ ok: false, message });
const hhmm = (h: number, m: number): string => `${pad2(h)}:${pad2(m)}`;

/** Shortens text echoed back in a message so one bad cell cannot flood the report. */
export function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `'${short}'`;
}

function check24(h: number, m: number, shown: string): TimeResult {
  if (h > 23 || m > 59) {
    return fail(`${shown} is not a real time — hours run 00 to 23 and minutes 00 to 59`);
  }
  return { ok: true, value: hhmm(h, m) };
}

function fromMinutes(total: number): string {
  // 23:59:40 rounds to 24:00; it is still the same day, so keep it at the last minute.
  const clamped = Math.min(Math.max(total, 0), MINUTES_PER_DAY - 1);
  return hhmm(Math.floor(clamped / 60), clamped % 60);
}

function fromNumber(n: number): TimeResult {
  const shown = String(n);
  if (!Number.isFinite(n) || n < 0) return fail(`${shown} is not a time — ${HOW}`);
  // Excel time fraction of a day (0.5 = 12:00).
  if (n < 1) return { ok: true, value: fromMinutes(Math.round(n * MINUTES_PER_DAY)) };
  if (Number.isInteger(n)) {
    // 1700 typed into a General cell arrives as the number 1700.
    if (n >= 100 && n <= 9999) return check24(Math.floor(n / 100), n % 100, shown);
    if (n <= 23) return fail(`${shown} is not a time — add the minutes, e.g. ${pad2(n)}:00`);
    return fail(`${shown} is not a time — ${HOW}`);
  }
  // 17.30 typed into a General cell arrives as 17.3 (Excel drops the trailing zero).
  const m = /^(\d{1,2})\.(\d{1,2})$/.exec(shown);
  if (m) return check24(Number(m[1]), Number((m[2] ?? '').padEnd(2, '0')), shown);
  return fail(`${shown} is a number, not a time — ${HOW}`);
}

function fromDate(d: Date): TimeResult {
  const t = d.getTime();
  if (Number.isNaN(t)) return fail(`The cell holds an invalid date — ${HOW}`);
  const rounded = new Date(Math.round(t / 60_000) * 60_000);
  const h = rounded.getUTCHours();
  const m = rounded.getUTCMinutes();
  // exceljs gives a time-only cell as a date on Excel's day zero (1899-12-30, or 1904-01-01 in the 1904 system).
  const y = rounded.getUTCFullYear();
  const dayZero = y === 1899 || (y === 1904 && rounded.getUTCMonth() === 0 && rounded.getUTCDate() === 1);
  if (!dayZero && h === 0 && m === 0) return fail(`The Time column holds a date, not a time — ${HOW}`);
  return { ok: true, value: hhmm(h, m) };
}

const APPROX = /^(?:approx\.?|approximately|about|around|circa|c\.|ca\.?|~)\s*/;

/** 'HH:MM' or 'H:MM' exactly (digits, no spaces): the answer the general path below gives, without its patterns. */
function fastClock(raw: string): TimeResult | null {
  const n = raw.length;
  if ((n !== 4 && n !== 5) || raw.charCodeAt(n - 3) !== 58) return null;
  for (let i = 0; i < n; i++) {
    const code = raw.charCodeAt(i);
    if (i !== n - 3 && (code < 48 || code > 57)) return null;
  }
  return check24(Number(raw.slice(0, n - 3)), Number(raw.slice(n - 2)), quote(raw));
}

function fromText(raw: string): TimeResult {
  const fast = fastClock(raw);
  if (fast) return fast;
  const text = raw.replace(/\s+/g, ' ').trim().toLowerCase();
  if (text === '') return { ok: true, value: null };
  if (text.length > 30) return fail(`${quote(raw)} is not a time — ${HOW}, or leave it empty`);
  if (text === 'noon' || text === 'midday') return { ok: true, value: '12:00' };
  if (text === 'midnight') return { ok: true, value: '00:00' };
  if (APPROX.test(text)) {
    return fail(
      `${quote(raw)}: put only the time in the Time column (HH:MM); say that it is approximate in the event or comment`,
    );
  }
  const t = text.replace(/\s*(?:hrs|hours|hr|h)\.?$/, '');
  let m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(a|p)\.?\s*m\.?$/.exec(t);
  if (m) {
    const h = Number(m[1]);
    const min = m[2] === undefined ? 0 : Number(m[2]);
    if (h < 1 || h > 12) return fail(`${quote(raw)} is not a real time — with am/pm the hour runs from 1 to 12`);
    if (min > 59) return fail(`${quote(raw)} is not a real time — minutes run 00 to 59`);
    const h24 = (h % 12) + (m[3] === 'p' ? 12 : 0);
    return { ok: true, value: hhmm(h24, min) };
  }
  m = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(t);
  if (m) {
    if (m[3] !== undefined && Number(m[3]) > 59) return fail(`${quote(raw)} is not a real time — seconds run 00 to 59`);
    return check24(Number(m[1]), Number(m[2]), quote(raw));
  }
  m = /^(\d{1,2})(\d{2})$/.exec(t);
  if (m) return check24(Number(m[1]), Number(m[2]), quote(raw));
  return fail(`${quote(raw)} is not a time — ${HOW}, or leave it empty`);
}

/** A time cell → HH:MM (24h), null when empty, or a message an author understands. Never throws. */
export function parseTime(input: CellValue): TimeResult {
  if (input === null) return { ok: true, value: null };
  if (typeof input === 'string') return fromText(input);
  if (typeof input === 'number') return fromNumber(input);
  if (typeof input === 'boolean') return fail(`${input ? 'TRUE' : 'FALSE'} is not a time — ${HOW}`);
  return fromDate(input);
}
