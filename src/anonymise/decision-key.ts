// How a decision's text is compared with a finding's: case, diacritics, apostrophes and spacing do not matter.
import { foldWord } from './names/normalise.js';

export function decisionKey(text: string): string {
  return foldWord(text).replace(/\s+/gu, ' ').trim();
}
