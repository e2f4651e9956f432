// Finds identifiers in free text (phones, emails, postcodes, addresses, NHS/NI numbers, vehicles, DOBs, references).
import type { Span } from './types.js';
import { detectAddresses } from './detect-address.js';
import { detectDatesOfBirth } from './detect-dob.js';
import { detectEmails } from './detect-email.js';
import { detectNhsNumbers } from './detect-nhs.js';
import { detectNiNumbers } from './detect-ni.js';
import { detectPhones } from './detect-phone.js';
import { detectPostcodes } from './detect-postcode.js';
import { detectReferences } from './detect-reference.js';
import { detectVehicles } from './detect-vehicle.js';
import { resolveOverlaps } from './identifier-span.js';

const DETECTORS: ReadonlyArray<(text: string) => Span[]> = [
  detectEmails,
  detectPhones,
  detectPostcodes,
  detectNhsNumbers,
  detectNiNumbers,
  detectVehicles,
  detectDatesOfBirth,
  detectReferences,
  detectAddresses,
];

/**
 * Every identifier in the text as non-overlapping spans sorted by start; where candidates overlap the longest
 * wins, then the most specific kind. Pure: no I/O, no logging. Event dates and times are never identifiers.
 */
export function detectIdentifiers(text: string): Span[] {
  return resolveOverlaps(DETECTORS.flatMap((detect) => detect(text)));
}
