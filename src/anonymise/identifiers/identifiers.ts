// Finds identifiers in free text (phones, emails, postcodes, addresses, NHS/NI numbers, vehicles, DOBs, references).
import type { Span } from '../types.js';
import { detectAddresses } from './detect-address.js';
import { detectDatesOfBirth } from './detect-dob.js';
import { detectEmails } from './detect-email.js';
import { detectNhsNumbers } from './detect-nhs.js';
import { detectNiNumbers } from './detect-ni.js';
import { createPhoneDetector, detectPhones } from './detect-phone.js';
import { detectPostcodes } from './detect-postcode.js';
import { detectReferences } from './detect-reference.js';
import { detectVehicles } from './detect-vehicle.js';
import { resolveOverlaps } from './identifier-span.js';

const HAS_DIGIT = /\d/;
/** Seven digits with at most three separators between each: every phone and NHS number has them. */
const SEVEN_DIGITS = /\d(?:[\s().+-]{0,3}\d){6}/;

type Detector = (text: string) => Span[];
type Needs = RegExp | 'digit' | 'seven-digits';

/**
 * Each detector with a cheap test a text must pass for it to possibly match: most chronology entries hold no
 * digits at all, and the full patterns (DOB cues, reference cues, libphonenumber) are the costly part.
 */
function detectors(phones: Detector): ReadonlyArray<{ detect: Detector; needs?: Needs }> {
  return [
    { detect: detectEmails, needs: /@|[([]\s?at\s?[)\]]/i },
    { detect: phones, needs: 'seven-digits' },
    { detect: detectPostcodes, needs: 'digit' },
    { detect: detectNhsNumbers, needs: 'seven-digits' },
    { detect: detectNiNumbers, needs: 'digit' },
    { detect: detectVehicles, needs: 'digit' },
    { detect: detectDatesOfBirth, needs: 'digit' },
    { detect: detectReferences, needs: 'digit' },
    { detect: detectAddresses },
  ];
}

function identifiersWith(list: ReadonlyArray<{ detect: Detector; needs?: Needs }>, text: string): Span[] {
  // the shared tests once per text, not once per detector
  const digit = HAS_DIGIT.test(text);
  const seven = digit && SEVEN_DIGITS.test(text);
  const found: Span[] = [];
  for (const { detect, needs } of list) {
    const possible = needs === undefined || (needs === 'digit' ? digit : needs === 'seven-digits' ? seven : needs.test(text));
    if (possible) for (const span of detect(text)) found.push(span);
  }
  return found.length === 0 ? found : resolveOverlaps(found);
}

const DETECTORS = detectors(detectPhones);

/**
 * Every identifier in the text as non-overlapping spans sorted by start; where candidates overlap the longest
 * wins, then the most specific kind. Pure: no I/O, no logging. Event dates and times are never identifiers.
 */
export function detectIdentifiers(text: string): Span[] {
  return identifiersWith(DETECTORS, text);
}

/**
 * detectIdentifiers with a memory of what libphonenumber found in each stretch of text seen (the same numbers
 * recur through a chronology, and parsing them is the costliest step). Same results; one per anonymiser, so the
 * memory goes with it.
 */
export function createIdentifierDetector(): Detector {
  const list = detectors(createPhoneDetector());
  return (text) => identifiersWith(list, text);
}
