// Abbreviations used in DHR chronologies with their expansions, and which of them a text actually uses.
// Source: the Milton Keynes DHR protocol glossary (seeds/000) where it has a term, common UK usage otherwise.

export interface GlossaryTerm {
  abbreviation: string;
  expansion: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { abbreviation: 'A&E', expansion: 'Accident and Emergency' },
  { abbreviation: 'AMHP', expansion: 'Approved Mental Health Professional' },
  { abbreviation: 'ASB', expansion: 'Anti-Social Behaviour' },
  { abbreviation: 'BME', expansion: 'Black and Minority Ethnic' },
  { abbreviation: 'CAMHS', expansion: 'Child and Adolescent Mental Health Services' },
  { abbreviation: 'CIN', expansion: 'Child in Need' },
  { abbreviation: 'CMHT', expansion: 'Community Mental Health Team' },
  { abbreviation: 'CP', expansion: 'Child Protection' },
  { abbreviation: 'CPN', expansion: 'Community Psychiatric Nurse' },
  { abbreviation: 'CPS', expansion: 'Crown Prosecution Service' },
  { abbreviation: 'CRC', expansion: 'Community Rehabilitation Company' },
  { abbreviation: 'CSP', expansion: 'Community Safety Partnership' },
  { abbreviation: 'DA', expansion: 'Domestic Abuse' },
  {
    abbreviation: 'DASH',
    expansion: "Domestic Abuse, Stalking and 'Honour'-Based Violence Risk Identification Checklist",
  },
  {
    abbreviation: 'DASH RIC',
    expansion: 'Domestic Abuse, Stalking and Harassment and Honour-Based Violence Risk Identification Checklist (SafeLives)',
  },
  { abbreviation: 'DC', expansion: 'Detective Constable' },
  { abbreviation: 'DHR', expansion: 'Domestic Homicide Review' },
  { abbreviation: 'DS', expansion: 'Detective Sergeant' },
  { abbreviation: 'DSVDG', expansion: 'Domestic and Sexual Violence Delivery Group' },
  { abbreviation: 'DVDS', expansion: "Domestic Violence Disclosure Scheme (Clare's Law)" },
  { abbreviation: 'DVPN', expansion: 'Domestic Violence Protection Notice' },
  { abbreviation: 'DVPO', expansion: 'Domestic Violence Protection Order' },
  { abbreviation: 'DVPP', expansion: 'Domestic Violence Perpetrator Programme' },
  { abbreviation: 'ED', expansion: 'Emergency Department' },
  { abbreviation: 'EDT', expansion: 'Emergency Duty Team' },
  { abbreviation: 'FLO', expansion: 'Police Family Liaison Officer' },
  { abbreviation: 'FOIA', expansion: 'Freedom of Information Act' },
  { abbreviation: 'GP', expansion: 'General Practitioner' },
  { abbreviation: 'GPMS', expansion: 'Government Protective Marking Scheme' },
  { abbreviation: 'HV', expansion: 'Health Visitor' },
  { abbreviation: 'IDAS', expansion: 'Independent Domestic Abuse Services' },
  { abbreviation: 'IDVA', expansion: 'Independent Domestic Violence Adviser' },
  { abbreviation: 'IMR', expansion: 'Individual Management Review' },
  { abbreviation: 'IOM', expansion: 'Integrated Offender Management' },
  { abbreviation: 'ISVA', expansion: 'Independent Sexual Violence Adviser' },
  { abbreviation: 'LAC', expansion: 'Looked After Child' },
  { abbreviation: 'LPA', expansion: 'Local Police Area' },
  { abbreviation: 'MAPPA', expansion: 'Multi-Agency Public Protection Arrangements' },
  { abbreviation: 'MARAC', expansion: 'Multi-Agency Risk Assessment Conference' },
  { abbreviation: 'MASH', expansion: 'Multi-Agency Safeguarding Hub' },
  { abbreviation: 'MHA', expansion: 'Mental Health Act 1983' },
  { abbreviation: 'MKSAB', expansion: 'Milton Keynes Safeguarding Adults Board' },
  { abbreviation: 'MKSCB', expansion: "Milton Keynes Safeguarding Children's Board" },
  { abbreviation: 'NFA', expansion: 'No Further Action' },
  { abbreviation: 'NHS', expansion: 'National Health Service' },
  { abbreviation: 'NPS', expansion: 'National Probation Service' },
  { abbreviation: 'PC', expansion: 'Police Constable' },
  { abbreviation: 'PCSO', expansion: 'Police Community Support Officer' },
  { abbreviation: 'PNC', expansion: 'Police National Computer' },
  { abbreviation: 'PPN', expansion: 'Public Protection Notice' },
  { abbreviation: 'PS', expansion: 'Police Sergeant' },
  { abbreviation: 'RIC', expansion: 'Risk Identification Checklist' },
  { abbreviation: 'SARC', expansion: 'Sexual Assault Referral Centre' },
  { abbreviation: 'SCR', expansion: 'Serious Case Review' },
  { abbreviation: 'SIO', expansion: 'Senior Investigating Officer' },
  { abbreviation: 'SMART', expansion: 'Specific, Measurable, Achievable, Realistic and Timely' },
  { abbreviation: 'SPOC', expansion: 'Single Point of Contact' },
  { abbreviation: 'TOR', expansion: 'Terms of Reference' },
  { abbreviation: 'TVP', expansion: 'Thames Valley Police' },
  { abbreviation: 'VCS', expansion: 'Voluntary and Community Sector' },
];

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for every term, longest first, so 'DASH RIC' claims its text before 'DASH' and 'RIC' can: case-sensitive
 * and word-bounded, a plural or possessive ending ('GPs', "IDVA's") still counts.
 */
function termsPattern(glossary: readonly GlossaryTerm[]): RegExp {
  const bodies = [...glossary]
    .sort((a, b) => b.abbreviation.length - a.abbreviation.length)
    .map((t) => escapeRegExp(t.abbreviation).replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}&])(${bodies.join('|')})(?:s|['’]s)?(?![\\p{L}\\p{N}&])`, 'gu');
}

/**
 * Finds the glossary terms used in texts given one at a time (an export's cells as they are written), keeping only
 * the terms found, never the texts. A shorter term inside a longer one that matched ('DASH' in 'DASH RIC') only
 * counts if it also appears on its own.
 */
export class GlossaryScanner {
  private readonly byText = new Map<string, GlossaryTerm>();
  private readonly found = new Set<GlossaryTerm>();
  private readonly pattern: RegExp;

  constructor(glossary: readonly GlossaryTerm[] = GLOSSARY) {
    for (const t of glossary) this.byText.set(t.abbreviation, t);
    this.pattern = termsPattern(glossary);
  }

  add(text: string | null): void {
    if (!text || this.found.size === this.byText.size) return;
    for (const m of text.matchAll(this.pattern)) {
      const term = this.byText.get((m[1] ?? '').replace(/\s+/g, ' '));
      if (term) this.found.add(term);
    }
  }

  /** The terms found so far, alphabetically. */
  terms(): GlossaryTerm[] {
    return [...this.found].sort((a, b) => (a.abbreviation < b.abbreviation ? -1 : a.abbreviation > b.abbreviation ? 1 : 0));
  }
}

/** The glossary terms that appear in any of the texts, alphabetically (see GlossaryScanner). */
export function glossaryFor(texts: Iterable<string>, glossary: readonly GlossaryTerm[] = GLOSSARY): GlossaryTerm[] {
  const scanner = new GlossaryScanner(glossary);
  for (const text of texts) scanner.add(text);
  return scanner.terms();
}
