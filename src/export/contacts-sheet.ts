// The 'Contacts by month' sheet of the timeline workbook: per month, each agency's contacts and how many saw the
// victim, counted by the analysis (DESIGN §4) from a tally of the entries the workbook's chronology holds.
import type { ContactTally } from '../analysis/contact-tally.js';
import { narrowPeriod, type Analysis, type AnalysisPeriod } from '../analysis/contacts.js';
import { monthsBetween } from '../analysis/days.js';
import { safeXlsxText } from './cell-safety.js';
import type { ExportContext } from './export-context.js';
import { formatDisplayDate } from './format-date.js';
import { STYLE, columnLetter, excelSerial, numberCell, sheetEnd, sheetStart, textCell } from './xlsx-parts.js';

/** The analysis's default gap; the sheet shows no gaps, but the analysis is one call. */
const GAP_DAYS = 90;

export interface ContactsPeriod {
  period: AnalysisPeriod;
  /** Where the months come from, in words, for the sheet's note. */
  basis: string;
}

const shown = (p: AnalysisPeriod): string => `${formatDisplayDate(p.from)} to ${formatDisplayDate(p.to)}`;

/**
 * The months the sheet counts over: the review period, narrowed by the export's from and to as the analysis narrows
 * them; the span of the entries when there is no review period (a stateless merge) or the window leaves none of it.
 * Null when there is neither a review period nor an entry.
 */
export function contactsPeriod(ctx: Pick<ExportContext, 'reviewPeriod' | 'window'>, span: AnalysisPeriod | null): ContactsPeriod | null {
  const window = ctx.window ?? {};
  const narrowed = window.from || window.to;
  if (ctx.reviewPeriod) {
    const period = narrowPeriod(ctx.reviewPeriod, window);
    if (period) {
      return { period, basis: narrowed ? `the review period within the export's from and to, ${shown(period)}` : `the review period, ${shown(period)}` };
    }
  }
  if (!span) return null;
  const why = ctx.reviewPeriod ? "the export's from and to leave no day of the review period" : 'the export has no review period';
  return { period: span, basis: `the span of the entries, ${shown(span)} (${why})` };
}

/** How the sheet counts, in words: every entry of the export in exactly one row. */
export function contactsNotes(basis: string): string[] {
  return [
    `Months: ${basis}. Every entry of this export counts once.`,
    'An entry dated to the day counts in its month; one dated to the month only counts in that month too, and in the last column.',
    'One dated to the year only counts in its year’s row, in no month; one wholly outside the months counts only in the last row, where victim seen is not counted.',
  ];
}

/** The first day of a yyyy-mm month as a date cell's serial. */
const monthSerial = (month: string): number | null => excelSerial(new Date(`${month}-01T00:00:00Z`));

/** The sheet: a header, a row per month, a row per year of year-only entries, the row of entries outside, notes. */
export function contactsSheet(tally: ContactTally, ctx: Pick<ExportContext, 'reviewPeriod' | 'window'>): string {
  const chosen = contactsPeriod(ctx, tally.span());
  const a: Analysis | null = chosen ? tally.analyse(chosen.period, GAP_DAYS) : null;
  const agencies = a ? a.agencies.map((s) => s.agency) : [];
  const headers = ['Month', ...agencies.flatMap((name) => [name, `${name}: victim seen`]), 'All agencies', 'All agencies: victim seen', 'Dated to the month only'];
  const last = columnLetter(headers.length - 1);
  let xml = sheetStart([16, ...agencies.flatMap(() => [14, 14]), 14, 14, 14], STYLE.number, false);
  xml += `<row r="1">${headers.map((h, i) => textCell(`${columnLetter(i)}1`, safeXlsxText(h), STYLE.header)).join('')}</row>`;
  let r = 1;
  /** One row: its label cell, then per agency [contacts, seen] (null: no cell), then the three totals. */
  const row = (label: string, serial: number | null, cells: readonly (readonly [number | null, number | null])[], monthOnly: number | null): void => {
    r++;
    let out = serial === null ? textCell(`A${r}`, label, STYLE.text) : numberCell(`A${r}`, serial, STYLE.month);
    let total = 0;
    let seen: number | null = 0;
    cells.forEach(([c, s], i) => {
      if (c !== null) out += numberCell(`${columnLetter(1 + 2 * i)}${r}`, c, STYLE.number);
      if (s !== null) out += numberCell(`${columnLetter(2 + 2 * i)}${r}`, s, STYLE.number);
      total += c ?? 0;
      seen = s === null || seen === null ? null : seen + s;
    });
    const t = 1 + 2 * cells.length;
    out += numberCell(`${columnLetter(t)}${r}`, total, STYLE.number);
    if (seen !== null) out += numberCell(`${columnLetter(t + 1)}${r}`, seen, STYLE.number);
    if (monthOnly !== null) out += numberCell(`${columnLetter(t + 2)}${r}`, monthOnly, STYLE.number);
    xml += `<row r="${r}">${out}</row>`;
  };
  if (a) {
    const byMonth = new Map<string, Map<string, Analysis['months'][number]>>();
    for (const m of a.months) {
      const at = byMonth.get(m.month) ?? new Map<string, Analysis['months'][number]>();
      at.set(m.agency, m);
      byMonth.set(m.month, at);
    }
    for (const month of monthsBetween(a.period.from, a.period.to)) {
      const at = byMonth.get(month);
      const cells = agencies.map((name) => [at?.get(name)?.contacts ?? 0, at?.get(name)?.seen ?? 0] as const);
      const approximate = at ? [...at.values()].reduce((n, m) => n + m.approximate, 0) : 0;
      row(formatDisplayDate(month), monthSerial(month), cells, approximate);
    }
    for (const year of [...new Set(a.years.map((y) => y.year))].sort()) {
      const cells = agencies.map((name) => {
        const y = a.years.find((x) => x.year === year && x.agency === name);
        return [y?.contacts ?? 0, y?.seen ?? 0] as const;
      });
      row(`${year} (year only)`, null, cells, null);
    }
    if (a.agencies.some((s) => s.outside > 0)) row('Outside the months', null, a.agencies.map((s) => [s.outside, null] as const), null);
  }
  const filterRow = a ? 1 + monthsBetween(a.period.from, a.period.to).length : 1;
  r++;
  const notes = chosen ? contactsNotes(chosen.basis) : ['No entries and no review period: nothing to count.'];
  for (const note of notes) xml += `<row r="${++r}">${textCell(`A${r}`, safeXlsxText(note), STYLE.notes)}</row>`;
  return xml + sheetEnd(`A1:${last}${filterRow}`);
}
