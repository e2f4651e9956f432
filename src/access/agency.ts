// Agency names as the access rules compare them: case- and space-insensitively ("Police " = "police").

export function agencyKey(agency: string): string {
  return agency.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function sameAgency(a: string, b: string): boolean {
  return agencyKey(a) === agencyKey(b);
}

/** A set of agencies: every agency of the case, or one. */
export type Agencies = { readonly all: true } | { readonly all: false; readonly agency: string };

export const ALL_AGENCIES: Agencies = Object.freeze({ all: true });

export const oneAgency = (agency: string): Agencies => Object.freeze({ all: false, agency });

export function includesAgency(set: Agencies, agency: string): boolean {
  return set.all || sameAgency(set.agency, agency);
}

/** The agency key a store query filters by, or null for every agency. */
export function agencyFilter(set: Agencies): string | null {
  return set.all ? null : agencyKey(set.agency);
}
