// The professional column: every name in it is initialled (mapped or not), roles kept, collar and staff numbers removed.
import { capitalisedTokens, tokenRuns } from './name-tokens.js';
import type { NameToken, TokenMemo, TokenRun } from './name-tokens.js';
import { capitalsLikeInitials, partInitials } from './initials.js';
import { agencyBefore, roleBefore } from './name-context.js';
import { isUkPlaceName } from './places.js';

/** A stretch of the professional field to replace: a name (→ initials) or a staff number (→ ''). */
export interface FieldEdit {
  start: number;
  end: number;
  replacement: string;
  /** The name as written, with its title, for the unmapped-names report; absent for numbers. */
  name?: string;
}

const STAFF_NUMBER = /[,;(]?\s*\b(?:staff|employee|payroll|warrant|collar|badge|shoulder|pin|id)\s*(?:no\b\.?|number|num\b\.?|#)?\s*[:.]?\s*[A-Z]{0,3}\d{2,8}\b\)?/giu;
const RANK_NUMBER = /\b(?:PC|WPC|DC|DS|PS|Sgt|PCSO|DI|Insp|Constable|Sergeant|Con|Cst)\.?\s*([A-Z]?\d{2,6})\b/giu;
/** A number in brackets after a name: a paramedic's or nurse's staff number ('A Kowalczyk (30988)'). */
const BRACKETED_NUMBER = /[ \t]*\([ \t]*[A-Z]{0,2}\d{4,7}[ \t]*\)/gu;

/** Staff and collar numbers of a professional field ('Staff no. 5566', the '4471' of 'PC 4471'), to be removed. */
export function numberEdits(text: string): FieldEdit[] {
  const edits: FieldEdit[] = [];
  for (const m of text.matchAll(STAFF_NUMBER)) edits.push({ start: m.index, end: m.index + m[0].length, replacement: '' });
  for (const m of text.matchAll(BRACKETED_NUMBER)) if (!edits.some((e) => e.start < m.index + m[0].length && m.index < e.end)) edits.push({ start: m.index, end: m.index + m[0].length, replacement: '' });
  for (const m of text.matchAll(RANK_NUMBER)) {
    const num = m[1] ?? '';
    const start = m.index + m[0].lastIndexOf(num);
    if (!edits.some((e) => e.start < start + num.length && start < e.end)) edits.push({ start, end: start + num.length, replacement: '' });
  }
  return edits;
}

function isNameRun(text: string, toks: NameToken[]): boolean {
  const first = toks[0];
  if (!first || toks.every((t) => t.cls === 'initial')) return false;
  // 'Paramedic Lamb', 'ECA Moss', 'SN Jones': a surname right after a role is the professional's, whatever else it is
  if (toks.every((t) => t.surname) && roleBefore(text, first.start) !== null && agencyBefore(text, first.start) === null) return true;
  // 'Blackburn office': the team's town is no one's name
  if (isUkPlaceName(toks.map((t) => t.raw).join(' '))) return false;
  return toks.some((t) => t.cls === 'initial' || t.anyFirst || t.first || !t.english);
}

function runEdit(text: string, run: TokenRun, exclude: (start: number, end: number) => boolean): FieldEdit | null {
  const titles: NameToken[] = [];
  let i = 0;
  while (i < run.tokens.length && run.tokens[i]?.cls === 'title') titles.push(run.tokens[i++] as NameToken);
  const toks = run.tokens.slice(i);
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (!first || !last) return null;
  if (titles.length > 0 ? toks.every((t) => t.cls === 'initial') : !isNameRun(text, toks)) return null;
  // initials already ('Dr SNB', 'PP COS', 'Sergeant TOS'): what an anonymiser writes is not anonymised again (§5.7)
  if (toks.every((t) => capitalsLikeInitials(t.raw))) return null;
  const parts = toks.map((t) => t.raw.replace(/\.$/u, ''));
  const t0 = titles[0];
  const t1 = titles[titles.length - 1];
  const title = t0 && t1 ? `${text.slice(t0.start, t1.end)} ` : '';
  // a collar number that is already an identifier ('SGT [reference]'): the edit starts at the name
  const numbered = run.numberStart !== undefined && !exclude(run.numberStart, first.start);
  return {
    start: numbered ? (run.numberStart ?? first.start) : first.start,
    end: last.end,
    replacement: parts.map(partInitials).join('') || 'X',
    name: title + parts.join(' '),
  };
}

/**
 * Edits for a professional field: staff and collar numbers removed, every remaining name initialled
 * ('PC 4471 Helen Fraser' → 'PC HF', 'Helen Fraser (Social Worker)' → 'HF (Social Worker)'); a bare role stays.
 * `exclude` marks what is already handled (identifiers, mapped names); `memo` is an anonymiser's token memory.
 */
export function professionalEdits(text: string, exclude: (start: number, end: number) => boolean, memo?: TokenMemo): FieldEdit[] {
  const edits = numberEdits(text).filter((e) => !exclude(e.start, e.end));
  const taken = (s: number, e: number): boolean => exclude(s, e) || edits.some((x) => x.start < e && s < x.end);
  const tokens = capitalisedTokens(text, taken, memo);
  // every name in this column is a name: in capitals, a name part that is also a word too ('SGT 1450 BOB SMITH', 'MW GRACE OKAFOR')
  for (const t of tokens) if (t.cls === 'break' && t.soft && t.raw === t.raw.toUpperCase() && t.raw.length >= 3) t.cls = 'word';
  for (const run of tokenRuns(text, tokens)) {
    const edit = runEdit(text, run, exclude);
    if (edit) {
      // a collar number already removed by RANK_NUMBER lies inside this edit: the name edit covers it
      for (let k = edits.length - 1; k >= 0; k--) {
        const x = edits[k];
        if (x && x.start >= edit.start && x.end <= edit.end) edits.splice(k, 1);
      }
      edits.push(edit);
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** Tidies what removing numbers leaves behind: empty brackets, doubled spaces, stray commas. */
export function tidyField(s: string): string {
  return s
    .replace(/\(\s*\)/gu, '')
    .replace(/\s+,/gu, ',')
    .replace(/,\s*,/gu, ',')
    .replace(/[ \t]{2,}/gu, ' ')
    .replace(/^[\s,;]+|[\s,;]+$/gu, '');
}
