// Dates of birth: a date right after DOB / D.O.B. / date of birth / born / "aged 34 (…)"; event dates are left alone.
import type { Span } from '../types.js';
import { COMPACT_DATE, FULL_DATE, PARTIAL_DATE } from './date-text.js';
import { CaselessRegExp } from './caseless.js';
import { makeSpan, matchesOf } from './identifier-span.js';

/** Between the cue and the date: up to 25 characters with no digit and no sentence end ("born in Leeds on …"). */
const GAP = String.raw`[.:]?[^\d.;!?\n]{0,25}?`;
/** A gap that starts a new clause means the date belongs to something else: "born in Leeds and on 03/04/2013 …". */
const CLAUSE_BREAK = /\b(?:and|but|then|when|after|before|until|while|later|so|police|attended|she|he|they|arrested|charged|convicted|sentenced|seen|admitted|died|married|moved)\b|\]/i;

/** (Polish 'ur.' and Portuguese 'nasc.' too: record extracts from abroad.) */
const CUE = String.raw`(?:\bd\.?\s?o\.?\s?b\b\.?|\bdate\s+of\s+birth\b|\bbirth\s?date\b|\bdate\s+born\b|\bborn\b|\bb\.(?=\s*\d)|\bur\.(?=\s*\d)|\bnasc(?:ido|ida)?\.?(?:\s+em)?(?=\s*\d))`;
/** "aged 34 (12/03/1979)", "aged 34, DOB 12/03/1979": the date must follow the age at once. */
const AGED = String.raw`\baged?\s+\d{1,3}(?:\s*(?:years?|yrs?)(?:\s*old)?)?\s*[,(]\s*`;

const CUED_FULL = new CaselessRegExp(`(${CUE})(${GAP})(${FULL_DATE}|${COMPACT_DATE})(?![\\d/])`, 'giu');
/** Cue then a partial date (month and year, or a year): still narrows down who someone is. */
const CUED_PARTIAL = new CaselessRegExp(`(${CUE})(${GAP})(${PARTIAL_DATE})(?![\\d/])`, 'giu');
const AGED_FULL = new CaselessRegExp(`(${AGED})()(${FULL_DATE})(?![\\d/])`, 'giu');

/** A full date right after an opening bracket; a cheap test for it first. */
const BRACKETED_DATE = new RegExp(`\\(\\s*(${FULL_DATE})(?![\\d/])`, 'giu');
const OPENS_BRACKET = /\(\s*\d/;

const BARE_YEAR = /^(?:19|20)\d{2}$/;
const PROSE_BORN = /\b(?:was|were|is|are|been|being)[ \t]+born[ \t]+in[ \t]+$/iu;
const FULL_DATE_RE = new RegExp(`^(?:${FULL_DATE})$`, 'iu');
const BORN_CUE = /^(?:born|b\.)$/iu;

/** Text none of the cues (or "aged") can match in: most chronology entries; the full patterns are costly. */
const ANY_CUE = new CaselessRegExp(String.raw`d\.?\s?o\.?\s?b|birth|born|\bb\.|\bage|\bur\.|\bnasc`, 'iu');

export function detectDatesOfBirth(text: string): Span[] {
  const spans: Span[] = [];
  if (!ANY_CUE.forText(text).test(text) && !OPENS_BRACKET.test(text)) return spans;
  const take = (re: CaselessRegExp, confidence: number): void => {
    for (const m of matchesOf(re.forText(text), text)) {
      const cue = m[1] ?? '';
      const gap = m[2] ?? '';
      const date = m[3] ?? '';
      if (CLAUSE_BREAK.test(gap)) continue;
      // 'their daughter was born in 2017': a year of birth in prose says no more than an age, which reports publish;
      // written as a record ('Mrs Adebayo (b. 1962)', 'Gary Smith (born 1990)') it is one, like a DOB label's year
      const yearOnly = BARE_YEAR.test(date) && BORN_CUE.test(cue);
      if (yearOnly && !/^b\./iu.test(cue) && text.charAt(m.index - 1) !== '(') continue;
      // ('b. 1962' is replaced whole: the abbreviation alone reads as half a date)
      const start = /^b\./iu.test(cue) ? m.index : m.index + cue.length + gap.length;
      spans.push(makeSpan(text, 'date-of-birth', start, m.index + cue.length + gap.length + date.length, yearOnly ? 0.6 : confidence));
    }
  };
  take(CUED_FULL, 0.95);
  // '(19/11/82 confirmed)': a full date opening a bracket, long before the other dates of the text
  if (OPENS_BRACKET.test(text)) for (const m of text.matchAll(BRACKETED_DATE)) {
    const date = m[1] ?? '';
    const start = m.index + m[0].indexOf(date);
    const year = yearOf(date);
    if (year !== undefined && year <= latestYearOutside(text, [{ start, end: start + date.length }], false) - BIRTH_GAP_YEARS) {
      spans.push(makeSpan(text, 'date-of-birth', start, start + date.length, 0.7));
    }
  }
  take(CUED_PARTIAL, 0.7);
  // 'Bonnie was born in October 2019' in prose: the chair decides (a record's 'Born: March 1960' is replaced)
  for (const sp of spans) if (sp.confidence === 0.7 && PROSE_BORN.test(text.slice(Math.max(0, sp.start - 24), sp.start)) && !FULL_DATE_RE.test(sp.text)) sp.confidence = 0.45;
  take(AGED_FULL, 0.75);
  return spans;
}

/**
 * A full date right after a name: in brackets, after a comma or a dash, after an age ('Gary Smith, 34 (12.07.90)'), or
 * after "b." — 'FIELD, Hope (12/07/1990)', 'SMITH Gary [12/07/1990]',
 * also past a short bracketed note — 'Beatriz Ferreira (Nursery class) (28/01/2015)', 'AKHTAR, Imran (SUSPECT) 17/09/1987',
 * 'H.D. (P's brother, 21/12/1987)'.
 */
const AFTER_NAME = new CaselessRegExp(`^(['’]s)?(["”]?\\s*\\([^()\\d\\n]{1,30}\\)\\s*(?:[(,\\-–]\\s*)?|["”]?\\s*\\([^()\\d\\n,]{1,30},\\s*|["”]?[ \\t]*[(\\[,\\-–][ \\t]*|\\s*,\\s*\\d{1,3}\\s*(?:yrs?\\s*)?[(\\[,]\\s*|\\s+(?:b\\.|born)\\s*)(${FULL_DATE})(?![\\d/])(?!,?[ \\t]*\\d{1,2}:\\d{2})`, 'iu');

const SPACE_THEN_DATE = new CaselessRegExp(`^(['’]s)?([ \\t]+)(${FULL_DATE})(?![\\d/])`, 'iu');
/** A date this many years before the latest year the text names (or this year) is someone's birth, not a contact. */
const BIRTH_GAP_YEARS = 10;
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;
/** A year that is part of a marked date of birth ('born 03/12/1957', 'b. 2006', 'DOB 14/03/1986'). */
const BIRTH_CUE_BEFORE = /(?:\bborn|\bb\.|\bDOB|D\.O\.B\.?)[:\s]*(?:\d{1,2}[./-]\d{1,2}[./-])?$/iu;

/** The latest year the text names outside every one of `ranges` (the candidate dates), or this year (or 0 with `orThisYear` false). */
function latestYearOutside(text: string, ranges: readonly { start: number; end: number }[], orThisYear = true): number {
  let latest = 0;
  for (const m of text.matchAll(YEAR)) {
    if (ranges.some((r) => m.index >= r.start && m.index < r.end)) continue;
    if (BIRTH_CUE_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    latest = Math.max(latest, Number(m[0]));
  }
  return latest > 0 || !orThisYear ? latest : new Date().getFullYear();
}

/** The year of a full date, two-digit years read as 19xx when past this year's two digits. */
function yearOf(date: string): number | undefined {
  const m = /(\d{2,4})\D*$/.exec(date);
  if (!m?.[1]) return undefined;
  const y = Number(m[1]);
  if (m[1].length === 4) return y;
  const now = new Date().getFullYear() % 100;
  return y > now ? 1900 + y : 2000 + y;
}

/**
 * Dates of birth written without a cue, right after a person's name (`nameEnds`: where names found in the text end).
 * A date of contact after a name reads 'seen by Dr S 12/07/2013' with no bracket or comma, and is left alone.
 */
export function datesOfBirthAfterNames(text: string, nameEnds: readonly number[], opts: { namesField?: boolean } = {}): Span[] {
  const spans: Span[] = [];
  const plain: { start: number; end: number }[] = [];
  for (const end of nameEnds) {
    const rest = text.slice(end, end + 40);
    const m = AFTER_NAME.forText(rest).exec(rest);
    if (m) {
      const start = end + (m[1] ?? '').length + (m[2] ?? '').length;
      spans.push(makeSpan(text, 'date-of-birth', start, start + (m[3] ?? '').length, 0.8));
      continue;
    }
    // 'MALE PRESTON MARK 22/09/1977 CALM': a date straight after a name, long before the text's latest year
    const p = SPACE_THEN_DATE.forText(rest).exec(rest);
    if (!p) continue;
    const start = end + (p[1] ?? '').length + (p[2] ?? '').length;
    plain.push({ start, end: start + (p[3] ?? '').length });
  }
  // (the other dates straight after names are not the text's latest year: '(GURDEV GILL 11/06/1954, SURINDER GILL
  // 30/09/1957)' are both births; in a column of names, 'DEMIR, Deniz 14/02/2011', any such date is one)
  // (and one birth among them makes a list of births: 'CHILDREN: WROBEL O 22/05/2008, WROBEL J 03/11/2014')
  // (a birth date the text marks, 'Gurmeet (born 03/12/1957)', says nothing of when the text was written)
  // (the text's latest year only judges plain dates: without one there is nothing to judge)
  if (plain.length === 0) return spans;
  const latest = latestYearOutside(text, [...plain, ...spans]);
  const births = plain.filter((d) => {
    const year = yearOf(text.slice(d.start, d.end));
    return year !== undefined && (opts.namesField || year <= latest - BIRTH_GAP_YEARS);
  });
  for (const d of births.length > 0 && plain.length > 1 ? plain : births) spans.push(makeSpan(text, 'date-of-birth', d.start, d.end, 0.8));
  return spans;
}

