// The publication gate: finds surviving mapped names, likely unmapped names and identifiers in text meant for publication.
import type { FindingKind, Person, Span } from '../anonymise/types.js';
import { detectIdentifiers } from '../anonymise/identifiers/identifiers.js';
import { buildNameMatcher } from '../anonymise/names/name-matcher.js';
import { detectPersonNames } from '../anonymise/names/person-names.js';
import { foldToken } from '../anonymise/names/name-tokens.js';

export interface RedactionFinding {
  kind: FindingKind;
  text: string;
  where: string;
  confidence: number;
  suggestion: string;
}

export interface RedactionResult {
  verdict: 'pass' | 'fail';
  findings: RedactionFinding[];
}

export interface RedactionOptions {
  identifiers?: (text: string) => Span[];
  /**
   * Ask compromise too (slow, ~0.1 MB/s on the sentences it is given). 'auto' (default) does so when the
   * segments total at most 1 MB — a report or executive summary — and not for a whole large timeline.
   */
  nlp?: boolean | 'auto';
}

/** A finding at or above this confidence fails the check. Lower ones are listed for a person to look at. */
export const FAIL_CONFIDENCE = 0.5;

const NLP_AUTO_LIMIT = 1_000_000;
const MAPPED_SUGGESTION = "Replace with the person's initials or pseudonym from the map.";

/**
 * Checks located pieces of text (timeline fields or paragraphs). Fails when any finding has confidence ≥ 0.5:
 * every surviving mapped name or alias (0.75–1), likely unmapped names (title, relationship cue, first-name
 * gazetteer: 0.5–0.9) and identifiers (as their detector rates them). Ordinary-word variants left alone
 * ('Rose Cottage', 'a red mark'), weak name candidates and names only compromise suggests are listed below 0.5.
 * Initials ('ST', 'Dr PS'), labels ('Adult A') and the map's pseudonyms are not names.
 */
export function checkRedaction(
  segments: { where: string; text: string }[],
  people: Person[],
  opts: RedactionOptions = {},
): RedactionResult {
  const matcher = buildNameMatcher(people);
  const identify = opts.identifiers ?? detectIdentifiers;
  const total = segments.reduce((n, s) => n + s.text.length, 0);
  const nlp = opts.nlp === true || ((opts.nlp ?? 'auto') === 'auto' && total <= NLP_AUTO_LIMIT);
  const pseudonymWords = new Set(
    people.flatMap((p) => (p.pseudonym ? p.pseudonym.split(/\s+/u).map((w) => foldToken(w)) : [])),
  );
  const pseudonyms = new Set(people.flatMap((p) => (p.pseudonym ? [p.pseudonym] : [])));
  const findings: RedactionFinding[] = [];

  for (const { where, text } of segments) {
    if (!text) continue;
    const taken: { start: number; end: number }[] = [];
    for (const id of identify(text)) {
      taken.push(id);
      findings.push({ kind: id.kind, text: id.text, where, confidence: id.confidence, suggestion: `Replace with ${id.replacement}.` });
    }
    const overlapsTaken = (a: number, b: number): boolean => taken.some((t) => t.start < b && a < t.end);
    const scan = matcher.scan(text);
    for (const m of scan.matches) {
      if (overlapsTaken(m.start, m.end) || pseudonyms.has(m.text)) continue;
      taken.push(m);
      findings.push({ kind: 'mapped-name', text: m.text, where, confidence: m.confidence, suggestion: MAPPED_SUGGESTION });
    }
    for (const a of scan.ambiguous) {
      if (overlapsTaken(a.start, a.end)) continue;
      findings.push({
        kind: 'mapped-name',
        text: a.text,
        where,
        confidence: a.reason === 'lowercase' ? 0.1 : 0.3,
        suggestion: 'Probably an ordinary word that is also a mapped name: check it is not the person.',
      });
    }
    const sorted = [...taken].sort((x, y) => x.start - y.start);
    const exclude = (a: number, b: number): boolean => {
      for (const t of sorted) {
        if (t.start >= b) break;
        if (t.end > a) return true;
      }
      return false;
    };
    for (const n of detectPersonNames(text, { exclude, ignore: pseudonymWords, nlp })) {
      const written = (n.title ? `${n.title} ` : '') + n.text;
      findings.push({
        kind: 'person',
        text: written,
        where,
        confidence: n.confidence,
        suggestion: `Possibly a person's name not in the map: add them to the map, or replace with ${n.title ? `${n.title} ` : ''}${n.replacement}.`,
      });
    }
  }
  const verdict = findings.some((f) => f.confidence >= FAIL_CONFIDENCE) ? 'fail' : 'pass';
  return { verdict, findings };
}
