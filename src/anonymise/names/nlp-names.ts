// compromise as one more signal for unmapped names: its people in sentences no rule explained, checked (slow).
import nlp from 'compromise';
import type { DetectOptions, PersonNameSpan } from './person-names.js';
import type { NameToken } from './name-tokens.js';
import { foldToken, isWordPrefix } from './name-tokens.js';
import { isSentenceStart, PLACE_WORDS } from './name-context.js';
import { partInitials } from './initials.js';
import { isAllowListed } from './allow-list.js';
import { isPlaceName } from './places.js';
import { isEnglishWord, isFirstName } from './lexicon.js';

/**
 * compromise's people, checked: a place, an organisation ('Safer Swansea Partnership'), a pseudonym with a word
 * before it ('When Asha'), or ordinary words alone are not a name it found.
 */
function nlpNameLike(parts: readonly string[], ignore: ReadonlySet<string> | undefined): boolean {
  const words = parts.map((w) => foldToken(w.replace(/['’]s$/u, '')));
  if (isPlaceName(parts.join(' '))) return false;
  if (words.some((w) => PLACE_WORDS.has(w) || isAllowListed(w) || isPlaceName(w))) return false;
  const english = (w: string): boolean => w.split('-').every((p, _i, all) => p.length === 0 || (isEnglishWord(p) && !isFirstName(p)) || isAllowListed(p) || (all.length > 1 && isWordPrefix(p)));
  const left = words.filter((w) => !(ignore?.has(w) ?? false) && !english(w));
  return left.length > 0;
}

/** Sentences holding capitalised words no rule explained, asked of compromise; its people become 0.4 spans. */
export function nlpSpans(text: string, tokens: NameToken[], found: PersonNameSpan[], opts: DetectOptions): PersonNameSpan[] {
  const covered = (s: number, e: number): boolean => found.some((f) => f.start < e && s < f.end) || (opts.exclude?.(s, e) ?? false);
  const sentences = new Map<number, number>();
  for (const t of tokens) {
    if (t.cls !== 'word' || isSentenceStart(text, t.start) || covered(t.start, t.end)) continue;
    let s = t.start;
    while (s > 0 && !/[.!?\n]/u.test(text.charAt(s - 1))) s--;
    if (sentences.has(s)) continue;
    let e = t.end;
    while (e < text.length && !/[.!?\n]/u.test(text.charAt(e))) e++;
    sentences.set(s, e);
  }
  const out: PersonNameSpan[] = [];
  for (const [s, e] of sentences) {
    const people = nlp(text.slice(s, e)).people().json({ offset: true }) as { offset?: { start: number; length: number } }[];
    for (const p of people) {
      if (!p.offset) continue;
      let ps = s + p.offset.start;
      let pe = ps + p.offset.length;
      while (pe > ps && !/[\p{L}]/u.test(text.charAt(pe - 1))) pe--;
      while (ps < pe && !/[\p{L}]/u.test(text.charAt(ps))) ps++;
      const written = text.slice(ps, pe);
      const parts = written.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
      if (parts.length === 0 || covered(ps, pe)) continue;
      if (parts.every((w) => isAllowListed(foldToken(w)) || /^\p{Lu}{1,4}\.?$/u.test(w) || !/^\p{Lu}/u.test(w))) continue;
      if (!nlpNameLike(parts, opts.ignore)) continue;
      out.push({ start: ps, end: pe, kind: 'person', text: written, confidence: 0.4, parts, replacement: parts.map(partInitials).join('') || 'X' });
    }
  }
  return out;
}

