// Police, crime, incident, case and record references after their cue words, slash-coded refs, and collar numbers.
import type { Span } from './types.js';
import { FULL_DATE } from './date-text.js';
import { makeSpan, matchesOf } from './identifier-span.js';

/** Cue words that introduce a reference, most specific first. Case-insensitive except where noted in CUE_CASED. */
const CUE_WORDS = [
  String.raw`crime\s*(?:ref(?:erence)?|number|no|num|report(?:\s*(?:no|number))?|#)`,
  String.raw`crime`,
  String.raw`cris`,
  String.raw`incident\s*(?:log|ref(?:erence)?|number|no|num|#)?`,
  String.raw`(?:storm|command|niche|athena|sleuth|pnd|ccc)\s*(?:log|ref(?:erence)?|number|no|occurrence|id)?`,
  String.raw`occurrence\s*(?:ref(?:erence)?|number|no)?`,
  String.raw`log\s*(?:ref(?:erence)?|number|no)?`,
  String.raw`cad\s*(?:ref(?:erence)?|number|no|log)?`,
  String.raw`case\s*(?:ref(?:erence)?|number|no|file|id)`,
  String.raw`(?:court|custody|arrest|charge|warrant|summons|job|call|referral|safeguarding|mash|dash|marac|mappa|idva|iom|tenancy|housing|homeless(?:ness)?|application|claim|account|client|customer|tenant|patient|service user|person|subject|file|record|hospital|unit|clinic|school|pupil|student|risk)\s*(?:ref(?:erence)?|number|no|id|identifier)`,
  String.raw`(?:pnc|pnc\s*id|pnc\s*no|cro|urn|mrn|crn|upn|uln|chi|lcs|mosaic|liquidlogic|eclipse|ndelius|delius|oasys|rio|emis|systmone|carefirst|paris|cms)(?:\s*(?:ref(?:erence)?|number|no|id))?`,
  String.raw`(?:our|their|your|the|a)\s+ref(?:erence)?`,
  String.raw`ref(?:erence)?\s*(?:number|no)?`,
  String.raw`id`,
];
const CUE = `\\b(?:${CUE_WORDS.join('|')})\\b\\.?`;
/** What a reference looks like: letters, digits, slashes, hyphens and dots, with at least one digit. */
const TOKEN = String.raw`(?=[A-Z0-9/.-]*\d)[A-Z0-9](?:[A-Z0-9]|[/.-](?=[A-Z0-9])){1,24}`;
const GAP = String.raw`(?:\s*(?:[:#=]|is|was|of|no\.?|number|(?:given |recorded )?as)\s*|\s+)`;
/** "1234 of 12/03/2013": police logs are numbered per day, so the date belongs to the reference. */
const OF_DATE = `(?:\\s+of\\s+${FULL_DATE})?`;

const CUED = new RegExp(`(${CUE}${GAP})(${TOKEN}${OF_DATE})(?![\\p{L}\\d])`, 'giu');
/** Slash-coded references need no cue: "CRI/12345/13", "HOU/2013/0042", "12MA/34567/13", "13/123456/13". */
const CODED =
  /(?<![\p{L}\d/])(?:[A-Z]{2,6}|\d{1,2}[A-Z]{1,4})(?:[/-]\d{2,8}){1,3}(?:[/-][A-Z]{1,3})?(?![\p{L}\d/])|(?<![\p{L}\d/])\d{1,4}\/\d{5,}\/\d{2,4}(?![\p{L}\d/])/gu;
/** Officer ranks before a collar or staff number: "PC 4471", "DS 2231", "PCSO 7712". */
const COLLAR =
  /(\b(?:PC|DC|PS|DS|WPC|DI|DCI|PCSO|TDC|Sgt|Sergeant|Insp|Inspector|Constable|Officer|collar(?:\s*(?:no|number))?|shoulder\s*(?:no|number)|warrant\s*(?:no|number)|staff\s*(?:no|number|id))\.?\s*:?\s*)(\d{2,6})(?![\p{L}\d/:]|\.\d)/giu;

/** A bare date, a time, a money amount or a small count after a cue word is not a reference. */
const NOT_A_REFERENCE = /^(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}[.:]\d{2}|\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\d{2})$/i;

export function detectReferences(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of matchesOf(CUED, text)) {
    const lead = m[1] ?? '';
    const token = m[2] ?? '';
    const bare = token.replace(/\s+of\s+.*$/s, '');
    const hasDate = bare !== token;
    if (!hasDate && NOT_A_REFERENCE.test(bare)) continue;
    // A generic cue ("ref", "ID", "log") followed by a short bare number is weak: "log 2" is not a reference.
    if (!hasDate && bare.replace(/\D/g, '').length < 3 && !/[A-Z]/i.test(bare)) continue;
    const start = m.index + lead.length;
    spans.push(makeSpan(text, 'reference', start, start + token.length, hasDate || /[/-]/.test(bare) ? 0.95 : 0.85));
  }
  for (const m of matchesOf(CODED, text)) {
    // "COVID-19" is not a reference: a hyphen-only code needs five digits or more.
    if (NOT_A_REFERENCE.test(m[0]) || (!m[0].includes('/') && m[0].replace(/\D/g, '').length < 5)) continue;
    spans.push(makeSpan(text, 'reference', m.index, m.index + m[0].length, 0.8));
  }
  // Decision: in free text a collar number identifies an officer as surely as a name does, so it is a reference.
  for (const m of matchesOf(COLLAR, text)) {
    const start = m.index + (m[1] ?? '').length;
    spans.push(makeSpan(text, 'reference', start, start + (m[2] ?? '').length, 0.7));
  }
  return spans;
}
