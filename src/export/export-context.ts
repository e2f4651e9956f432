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

export interface ExportContext {
  caseTitle: string;
  reviewPeriod?: ReviewPeriod;
  submissions: ExportSubmission[];
  generatedAt: Date;
  namesMode: 'initials' | 'pseudonym' | 'real';
  /** Anonymised exports only: whether a sign-off that holds covers this data, as one line (publication-check.ts). */
  publicationCheck?: string | undefined;
}
