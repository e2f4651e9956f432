// What surrounds a possible name: titles, relationship cues, place words, sentence starts — shared by the name detectors.

/** Titles and ranks written before a name; matched case-insensitively, with or without a dot. */
export const TITLES = [
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Master', 'Dr', 'Doctor', 'Prof', 'Professor', 'PC', 'WPC', 'DC', 'DS', 'DI',
  'DCI', 'DSU', 'DCS', 'PS', 'Sgt', 'Sergeant', 'PCSO', 'Insp', 'Inspector', 'Constable', 'Det', 'Detective',
  'Officer', 'Nurse', 'Sister', 'Matron', 'Midwife', 'Cllr', 'Councillor', 'Rev', 'Revd', 'Reverend', 'Father',
  'Fr', 'Pastor', 'Imam', 'Rabbi', 'Judge', 'HHJ', 'DJ', 'Sir', 'Dame', 'Lord', 'Lady',
];
/** Titles that are also ordinary words or pronoun-like: only count when written with a capital. */
const CAPITALISED_ONLY = new Set(['master', 'officer', 'nurse', 'sister', 'father', 'judge', 'lord', 'lady', 'sir', 'dame', 'det', 'pastor']);
const TITLE_SET = new Set(TITLES.map((t) => t.toLowerCase()));

/** Is this word (as written, without a trailing dot) a title? */
export function isTitle(word: string): boolean {
  const w = word.endsWith('.') ? word.slice(0, -1) : word;
  const lower = w.toLowerCase();
  if (!TITLE_SET.has(lower)) return false;
  const first = w.charCodeAt(0);
  if (CAPITALISED_ONLY.has(lower) || lower.length <= 3) return first >= 65 && first <= 90;
  return true;
}

/** Words that say the next capitalised word is a person. */
export const RELATIONSHIP_CUES = new Set([
  'partner', 'ex-partner', 'expartner', 'husband', 'ex-husband', 'wife', 'ex-wife', 'boyfriend', 'ex-boyfriend',
  'girlfriend', 'ex-girlfriend', 'fiance', 'fiancee', 'spouse', 'son', 'daughter', 'stepson', 'stepdaughter',
  'mother', 'father', 'mum', 'mom', 'dad', 'stepfather', 'stepmother', 'brother', 'sister', 'half-brother',
  'half-sister', 'stepbrother', 'stepsister', 'aunt', 'auntie', 'uncle', 'cousin', 'nephew', 'niece', 'nan', 'nanna',
  'gran', 'grandmother', 'grandfather', 'grandma', 'grandad', 'grandson', 'granddaughter', 'friend', 'neighbour',
  'neighbor', 'colleague', 'lodger', 'flatmate', 'housemate', 'carer', 'child', 'baby', 'sibling', 'parent',
  'as', 'aka', 'called', 'named', 'nicknamed', 'alias', 'victim', 'perpetrator', 'suspect', 'associate',
  'ex', 'employer', 'landlord', 'landlady', 'worker', 'officer', 'practitioner', 'visitor', 'manager',
]);

/** Words after a capitalised word that make it a place or thing, not a person ("Rose Cottage"). */
export const PLACE_WORDS = new Set([
  'cottage', 'street', 'st', 'road', 'rd', 'lane', 'ln', 'house', 'close', 'avenue', 'ave', 'court', 'farm',
  'hospital', 'ward', 'unit', 'school', 'academy', 'college', 'university', 'surgery', 'practice', 'centre',
  'center', 'clinic', 'drive', 'way', 'place', 'gardens', 'park', 'hill', 'green', 'terrace', 'crescent', 'square',
  'grove', 'mews', 'row', 'walk', 'view', 'rise', 'estate', 'lodge', 'hall', 'manor', 'villa', 'villas', 'flats',
  'tower', 'towers', 'building', 'station', 'church', 'chapel', 'mosque', 'temple', 'pub', 'inn', 'hotel', 'bar',
  'shop', 'store', 'stores', 'club', 'ground', 'field', 'fields', 'wood', 'woods', 'bridge', 'valley', 'heights',
  'team', 'service', 'services', 'trust', 'foundation', 'project', 'programme', 'program', 'group', 'partnership',
  'council', 'court', 'prison', 'hmp', 'nursery', 'primary', 'secondary', 'infants', 'juniors', 'medical', 'health',
  'period', 'bank', 'holiday', 'term', 'day', 'week', 'month', 'year',
]);

/** Verbs that, right after a capitalised word at a sentence start, make it a person ("Mark said"). */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'reported', 'reports', 'stated', 'states', 'disclosed', 'discloses', 'was', 'is',
  'had', 'has', 'attended', 'attends', 'called', 'calls', 'rang', 'phoned', 'telephoned', 'came', 'went', 'left',
  'returned', 'asked', 'explained', 'denied', 'admitted', 'alleged', 'claimed', 'confirmed', 'agreed', 'refused',
  'declined', 'did', 'does', 'would', 'could', 'should', 'presented', 'appeared', 'arrived', 'answered',
  'became', 'contacted', 'visited', 'wanted', 'wants', 'felt', 'feels', 'thought', 'became', 'spoke', 'texted',
  'messaged', 'emailed', 'wrote', 'stayed', 'lived', 'lives', 'moved', 'died', 'threatened', 'assaulted', 'hit',
  'punched', 'kicked', 'pushed', 'grabbed', 'shouted', 'screamed', 'cried', 'who',
]);

const ARTICLES = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'any', 'no', 'every', 'each', 'its']);

/** True when the word starting at `start` begins a sentence, a line or a cell (so its capital proves nothing). */
export function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    // spaces, tabs, quotes and opening brackets are skipped
    if (c === 32 || c === 9 || c === 160 || c === 34 || c === 39 || c === 40 || c === 91 || c === 0x201c || c === 0x2018) {
      i--;
      continue;
    }
    // . ! ? : ; newline, bullets and dashes start something new
    return c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 10 || c === 13 || c === 0x2022 || c === 42 || c === 45 || c === 0x2013 || c === 0x2014;
  }
  return true;
}

const WORD_BEFORE = /([\p{L}][\p{L}'’-]*)[\s,]*$/u;
const TWO_WORDS_BEFORE = /([\p{L}][\p{L}'’-]*)\s+([\p{L}][\p{L}'’-]*)[\s,]*$/u;
const WORD_AFTER = /^(?:['’]s)?[\s,]*([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u;

/** The word just before `start` (lowercase), skipping spaces and commas but not sentence punctuation. */
export function wordBefore(text: string, start: number): string | null {
  const m = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** The word just after `end` as written, skipping a possessive, spaces and commas. */
export function wordAfter(text: string, end: number): string | null {
  const m = WORD_AFTER.exec(text.slice(end, end + 40));
  return m?.[1] ?? null;
}

/** A relationship or naming cue sits right before `start` ('her partner Gary', 'known as Baz', 'son, Kyle'). */
export function hasCueBefore(text: string, start: number): boolean {
  const slice = text.slice(Math.max(0, start - 40), start);
  const m = TWO_WORDS_BEFORE.exec(slice) ?? WORD_BEFORE.exec(slice);
  if (!m) return false;
  const last = (m[2] ?? m[1] ?? '').toLowerCase().replace(/['’]s$/, '');
  if (last === 'as') return (m[2] !== undefined && (m[1] ?? '').toLowerCase() === 'known');
  return RELATIONSHIP_CUES.has(last);
}

/** An article or determiner right before `start` ('the Green', 'a Will'). */
export function hasArticleBefore(text: string, start: number): boolean {
  const w = wordBefore(text, start);
  return w !== null && ARTICLES.has(w);
}

/** A capitalised place word right after `end` ('Rose Cottage', 'Hope Street'). */
export function hasPlaceAfter(text: string, end: number): boolean {
  const w = wordAfter(text, end);
  if (!w) return false;
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90 && PLACE_WORDS.has(w.toLowerCase());
}

/** A speech or action verb right after `end` ('Mark said'). */
export function hasVerbAfter(text: string, end: number): boolean {
  const w = wordAfter(text, end);
  return w !== null && SPEECH_VERBS.has(w.toLowerCase());
}

/** A number right before or after ('3 May', 'May 2013') — a date, not a person. */
export function hasNumberBeside(text: string, start: number, end: number): boolean {
  return /\d(?:st|nd|rd|th)?[\s,]*$/u.test(text.slice(Math.max(0, start - 8), start)) || /^[\s,]*\d/u.test(text.slice(end, end + 6));
}

/** A possessive right after `end`: "'s", "’s", or a bare apostrophe after a name ending in s. */
export function possessiveAfter(text: string, end: number): string | undefined {
  const a = text.charCodeAt(end);
  if (a !== 39 && a !== 0x2019) return undefined;
  const b = text.charCodeAt(end + 1);
  if ((b === 115 || b === 83) && !isLetterAt(text, end + 2)) return text.slice(end, end + 2);
  const last = text.charCodeAt(end - 1) | 32;
  if ((last === 115 || last === 122 || last === 120) && !isLetterAt(text, end + 1)) return text.slice(end, end + 1);
  return undefined;
}

function isLetterAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  return /[\p{L}\p{N}]/u.test(text.charAt(i));
}

const TITLE_BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(${TITLES.join('|')})(\\.?)\\s+(?:(\\d{2,6})\\s+)?$`,
  'iu',
);

/** The title (and any collar number) right before a name at `start`: 'Dr ', 'PC 4471 ', 'Mrs. '. */
export function titleBefore(text: string, start: number): { title: string; titleStart: number; numberStart?: number } | null {
  const from = Math.max(0, start - 30);
  const m = TITLE_BEFORE.exec(text.slice(from, start));
  if (!m?.[1]) return null;
  const title = m[1] + (m[2] ?? '');
  if (!isTitle(m[1])) return null;
  const titleStart = from + m.index + (m[0].startsWith(m[1]) ? 0 : 1);
  const result: { title: string; titleStart: number; numberStart?: number } = { title, titleStart };
  if (m[3]) result.numberStart = from + m.index + m[0].lastIndexOf(m[3]);
  return result;
}
