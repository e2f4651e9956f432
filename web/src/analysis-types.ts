// The analysis and version-diff answers as the page reads them: a mirror of src/analysis/analysis-schemas.ts
// (AnalysisResponse, DiffResponse), kept apart from types.ts until the page's types are derived from the schemas.
import type { NamesMode, TimelineEntry } from './api-types.js';

export interface Analysis {
  period: { from: string; to: string };
  gapDays: number;
  counting: string;
  months: { month: string; agency: string; contacts: number; seen: number; approximate: number }[];
  years: { year: string; agency: string; contacts: number; seen: number }[];
  gaps: { from: string; to: string; days: number; approximate: number }[];
  agencies: { agency: string; first: string | null; last: string | null; contacts: number; seen: number; approximate: number; outside: number }[];
}

export type DiffField = 'date' | 'time' | 'agency' | 'source' | 'professional' | 'contact' | 'event' | 'outcome' | 'seen' | 'comment' | 'extra';

/** An entry as the diff gives it: the timeline's, with its unrecognised columns. */
export type DiffEntry = TimelineEntry & { extra: Record<string, string> };

export interface VersionInfo {
  version: number;
  submissionId: string;
  entries: number;
  uploadedAt: string;
}

export interface VersionDiff {
  agency: string;
  names: NamesMode;
  from: VersionInfo | null;
  to: VersionInfo;
  summary: { added: number; removed: number; changed: number; unchanged: number };
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: { before: DiffEntry; after: DiffEntry; fields: DiffField[]; similarity: number }[];
}
