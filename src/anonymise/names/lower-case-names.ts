// A person written all in lower case in a pasted log, with a title and an initial: 'caller gives name as mr g priest'.
import { partInitials } from './initials.js';
import { isEnglishWord, isSurname } from './lexicon.js';
import type { PersonNameSpan } from './person-names.js';

const LOWER_TITLED = /(?<![\p{L}])(?:mr|mrs|ms|miss|dr)\.?[ \t]+(\p{Ll}\.?[ \t]+\p{Ll}[\p{Ll}'’-]{2,})(?![\p{L}])/gu;
const CHEAP_TEST = /\b(?:mr|mrs|ms|miss|dr)\.?[ \t]+\p{Ll}\.?[ \t]+\p{Ll}/u;

/** Spans of the initial and surname after a lower-case title; `taken` says where something else already stands. */
export function lowerCaseTitledNames(text: string, taken: (start: number, end: number) => boolean): PersonNameSpan[] {
  const out: PersonNameSpan[] = [];
  if (!CHEAP_TEST.test(text)) return out;
  for (const m of text.matchAll(LOWER_TITLED)) {
    const end = m.index + m[0].length;
    const from = end - (m[1] ?? '').length;
    if (taken(from, end)) continue;
    const parts = (m[1] ?? '').split(/[ \t.]+/u).filter((w) => w.length > 0);
    // ('mr a bit tired': an article, then a word)
    if ((parts[0] === 'a' || parts[0] === 'i') && isEnglishWord(parts[1] ?? '') && !isSurname(parts[1] ?? '')) continue;
    out.push({ start: from, end, kind: 'person', text: m[1] ?? '', confidence: 0.75, parts, replacement: parts.map(partInitials).join('') || 'X' });
  }
  return out;
}
