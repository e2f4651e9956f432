// The names half of the real pipeline, in the shape the corpus evaluation takes.
import { createAnonymiser } from '../../src/anonymise/anonymiser.js';
import { buildNameMatcher } from '../../src/anonymise/names/name-matcher.js';
import { detectPersonNames } from '../../src/anonymise/names/person-names.js';
import type { Person } from '../../src/anonymise/types.js';
import type { Pipeline } from './run-evaluation.js';

const ACT_THRESHOLD = 0.5;

export const namesPipeline: Required<Pick<Pipeline, 'mapped' | 'persons' | 'anonymiser'>> = {
  mapped: (people: Person[]) => {
    const matcher = buildNameMatcher(people);
    return (text: string) => matcher.find(text);
  },
  // What the anonymiser acts on: candidates at or above its threshold are replaced; weaker ones are only
  // listed for review (and by the redaction check below its fail line), so they do not count as flags here.
  persons: (text: string) => detectPersonNames(text).filter((s) => s.confidence >= ACT_THRESHOLD),
  anonymiser: (people: Person[]) => {
    const anonymiser = createAnonymiser(people, 'initials');
    return (text: string) => anonymiser.text(text).text ?? '';
  },
};
