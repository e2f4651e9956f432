// The publication gate's findings: the anonymiser's own pipeline run over text meant for publication (DESIGN §5.8, §6).
import type { CaseMap, FindingKind, Span } from '../anonymise/types.js';
import { createPipeline, type Detection } from '../anonymise/pipeline.js';
import { decisionKey } from '../anonymise/decision-key.js';
import { partInitials } from '../anonymise/names/initials.js';
import { REPLACE_AT } from '../anonymise/confidence.js';
import type { DecisionKind } from '../anonymise/types.js';
import type { Segment } from './segments.js';
import { verdictOf, type Verdict } from './verdict.js';

export interface RedactionFinding {
  kind: FindingKind;
  text: string;
  where: string;
  /** Offsets of `text` in that field or paragraph. */
  start: number;
  end: number;
  confidence: number;
  suggestion: string;
  /** The chair's decision on this text, or null while the finding is open. */
  decision: DecisionKind | null;
}

export interface RedactionResult {
  verdict: Verdict;
  findings: RedactionFinding[];
}

export interface RedactionOptions {
  identifiers?: (text: string) => Span[];
  /**
   * Ask compromise too (slow, ~0.1 MB/s on the sentences it is given). 'auto' (default) does so when the
   * segments total at most 1 MB — a report or executive summary — and not for a whole large timeline.
   */
  nlp?: boolean | 'auto';
  /** Who reads the findings: a reader never learns whether a name is in the map (DESIGN §6). */
  audience?: 'chair' | 'reader';
}

const NLP_AUTO_LIMIT = 1_000_000;
/** The confidence a reader is shown for any name that would be replaced, mapped or not. */
const READER_NAME_CONFIDENCE = 0.9;

const asWritten = (text: string): string =>
  text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).map((w) => partInitials(w)).join('') || 'X';

function suggestionFor(d: Detection, audience: 'chair' | 'reader'): string {
  switch (d.kind) {
    case 'mapped-name':
      if (audience === 'reader') return `Possibly a person's name: replace with ${asWritten(d.text)}.`;
      if (d.confidence < 0.5) return 'A place or thing whose name holds a mapped name: keep it, or add it to the map as a protected term.';
      if (d.shared) return `More than one person may be written this way here: replace with ${d.replacement} and check who is meant.`;
      return `A person in the map: replace with ${d.replacement}.`;
    case 'person':
      return audience === 'reader'
        ? `Possibly a person's name: replace with ${asWritten(d.text)}.`
        : `Possibly a person's name not in the map: add them to the map, or replace with ${d.replacement}.`;
    case 'protected-term':
      return `A protected place or organisation: replace with ${d.replacement}.`;
    case 'organisation':
      return 'An organisation that could locate the family: add it to the map as a protected term with a label, or keep it.';
    default:
      return `Replace with ${d.replacement}.`;
  }
}

/**
 * Checks located pieces of text (timeline fields or paragraphs) with the anonymiser's pipeline: a finding here at
 * confidence ≥ 0.5 is one the anonymiser replaces, so an anonymised output holds none; lower ones wait for the
 * chair's decision. The verdict is fail, review or pass (see verdict.ts).
 */
export function checkRedaction(segments: readonly Segment[], map: CaseMap, opts: RedactionOptions = {}): RedactionResult {
  const total = segments.reduce((n, s) => n + s.text.length, 0);
  const nlp = opts.nlp === true || ((opts.nlp ?? 'auto') === 'auto' && total <= NLP_AUTO_LIMIT);
  const pipeline = createPipeline(map, 'initials', { ...(opts.identifiers ? { identifiers: opts.identifiers } : {}), nlp });
  const decisions = new Map(map.decisions.map((d) => [decisionKey(d.text), d.decision]));
  const audience = opts.audience ?? 'chair';
  const findings: RedactionFinding[] = [];
  for (const { where, text, field } of segments) {
    if (!text) continue;
    for (const d of pipeline.detect(text, field)) {
      // a reader sees mapped and unmapped names alike: one kind, one confidence for what would be replaced
      const reader = audience === 'reader' && (d.kind === 'mapped-name' || d.kind === 'person');
      findings.push({
        kind: reader ? 'person' : d.kind,
        text: d.text,
        where,
        start: d.start,
        end: d.end,
        confidence: reader && d.confidence >= REPLACE_AT ? READER_NAME_CONFIDENCE : d.confidence,
        suggestion: suggestionFor(d, audience),
        decision: decisions.get(decisionKey(d.text)) ?? null,
      });
    }
  }
  return { verdict: verdictOf(findings), findings };
}
