// The publication verdict (DESIGN §6): fail, review or pass — never pass while a finding is open.
import { REPLACE_AT } from '../anonymise/confidence.js';

export const VERDICTS = ['pass', 'review', 'fail'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A finding at or above this confidence, undecided, fails the check: the anonymiser would have replaced it. */
export const FAIL_CONFIDENCE = REPLACE_AT;

/**
 * fail: an undecided finding at confidence ≥ 0.5 (a name, an identifier, a protected term);
 * review: only lower-confidence findings remain, and the chair has not decided each;
 * pass: nothing remains, or every remaining finding has the chair's decision.
 */
export function verdictOf(findings: readonly { confidence: number; decision: string | null }[]): Verdict {
  let open = false;
  for (const f of findings) {
    if (f.decision !== null) continue;
    if (f.confidence >= FAIL_CONFIDENCE) return 'fail';
    open = true;
  }
  return open ? 'review' : 'pass';
}
