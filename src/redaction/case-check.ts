// Checks a case's anonymised timeline with the case's map: what the check route reports and what sign-off rests on.
import { createHash } from 'node:crypto';
import type { CaseRecord } from '../cases/cases-repository.js';
import type { StoredEntry } from '../chronology/types.js';
import type { CaseMap } from '../anonymise/types.js';
import { composeTimeline } from '../timeline/timeline-service.js';
import { checkRedaction, type RedactionOptions, type RedactionResult } from './redaction-check.js';
import { timelineSegments } from './segments.js';

export interface CaseCheck {
  result: RedactionResult;
  segments: number;
  /** Entries in the anonymised timeline, and the sha256 of its JSON: what a sign-off covers. */
  entries: number;
  sha256: string;
}

/** The whole anonymised timeline (initials, every agency), checked with the same map that anonymised it. */
export function checkCaseTimeline(c: CaseRecord, stored: readonly StoredEntry[], map: CaseMap, audience: RedactionOptions['audience']): CaseCheck {
  const built = composeTimeline(stored, map, { names: 'initials' }, c.reviewPeriod);
  const segments = timelineSegments(built.entries);
  const result = checkRedaction(segments, map, { audience });
  const sha256 = createHash('sha256').update(JSON.stringify(built.entries)).digest('hex');
  return { result, segments: segments.length, entries: built.entries.length, sha256 };
}
