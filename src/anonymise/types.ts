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

/**
 * A place or organisation that would locate the family (DESIGN §2): replaced by its label wherever it appears.
 * `label` is printed as given ('[school]', 'a local primary school').
 */
export interface ProtectedTerm {
  text: string;
  aliases: string[];
  label: string;
}

/** The chair's decision on a finding's text (DESIGN §6): an ordinary word, or a name that may be published. */
export type DecisionKind = 'not-a-name' | 'keep';

export interface Decision {
  text: string;
  decision: DecisionKind;
  note: string | null;
}

/** Everything a case's anonymisation depends on: the people, the protected terms and the chair's decisions. */
export interface CaseMap {
  people: Person[];
  terms: ProtectedTerm[];
  decisions: Decision[];
}

/** A map with only people (the stateless check and merge, tests). */
export function mapOfPeople(people: Person[]): CaseMap {
  return { people, terms: [], decisions: [] };
}

/** Every kind of finding, names first: the one list the schemas, detectors and evaluation share. */
export const FINDING_KINDS = [
  'mapped-name',
  'person',
  'protected-term',
  'organisation',
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

/** The kinds that name someone, mapped or not. */
export const NAME_KINDS = ['mapped-name', 'person'] as const satisfies readonly FindingKind[];
/** Places and organisations: the map's protected terms, and organisation-like names not in it. */
export const PLACE_KINDS = ['protected-term', 'organisation'] as const satisfies readonly FindingKind[];
/** Identifiers (DESIGN §5.6): every kind that is not a name, a protected term or an organisation. */
export type IdentifierKind = Exclude<FindingKind, (typeof NAME_KINDS)[number] | (typeof PLACE_KINDS)[number]>;

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
