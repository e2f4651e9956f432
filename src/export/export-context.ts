// What every timeline export needs besides the entries: the case, its submissions and the names mode.
import type { ReviewPeriod } from '../chronology/types.js';

export interface ExportSubmission {
  agency: string;
  version: number;
  entries: number;
  /** ISO 8601 timestamp. */
  uploadedAt: string;
  fileName?: string | null;
}

/**
 * Whether the case's anonymised timeline is signed off (DESIGN §6): `holds` while nothing it rests on (the current
 * submissions, the map's revision) has changed, `void` after; who signed is a role, never a person. `not-shown`: the
 * token may not read the sign-off state, so the export does not say it.
 */
export type ExportSignOff = { state: 'none' | 'not-shown' } | { state: 'holds' | 'void'; at: string; role: string };

export interface ExportContext {
  caseTitle: string;
  reviewPeriod?: ReviewPeriod;
  /** The export's from and to filter (yyyy, yyyy-mm or yyyy-mm-dd) when it has one: counts by month cover only it. */
  window?: { from?: string | undefined; to?: string | undefined };
  submissions: ExportSubmission[];
  generatedAt: Date;
  namesMode: 'initials' | 'pseudonym' | 'real';
  /** The case's sign-off state (`not-shown` to a token that may not read it); absent: not stated (the stateless merge). */
  signOff?: ExportSignOff;
}
