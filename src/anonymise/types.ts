// Shared shapes of the pseudonym map and of what the detectors find.

export type PersonRole = 'victim' | 'perpetrator' | 'child' | 'family' | 'friend' | 'professional' | 'other';

/** One person of a case's pseudonym map (DESIGN §2). `initials` is always filled once the map is accepted. */
export interface Person {
  name: string;
  aliases: string[];
  role: PersonRole;
  initials: string;
  pseudonym: string | null;
  title: string | null;
}

/** Every kind of finding, names first: the one list the schemas, detectors and evaluation share. */
export const FINDING_KINDS = [
  'mapped-name',
  'person',
  'phone',
  'email',
  'postcode',
  'address',
  'nhs-number',
  'ni-number',
  'vehicle',
  'date-of-birth',
  'reference',
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

/** A stretch of text a detector found, with what to put in its place. Offsets are UTF-16 indexes into the input. */
export interface Span {
  start: number;
  end: number;
  kind: FindingKind;
  text: string;
  confidence: number; // 0..1
  replacement: string;
}

export type NamesMode = 'initials' | 'pseudonym' | 'real';
