// Names an unmapped person is called by again in the same text: a part of a full name found earlier ('Kirsty' after
// 'Kirsty Hargreaves'), and the name that signs off a pasted e-mail ('Thanks, Debs'). Recall first (DESIGN §5.4).
import type { NameToken } from './name-tokens.js';
import type { PersonNameSpan } from './person-names.js';
import { isAllowListed } from './allow-list.js';
import { monthUse, PLACE_WORDS } from './name-context.js';
import { isCommonWord, isFirstName } from './lexicon.js';
import { partInitials } from './initials.js';
import { isUkPlaceName } from './places.js';

/** 'kirsty.hargreaves@', 'j_barnes@' is no name: two words of 3+ letters, then the at sign. */
const ADDRESS_NAME = /(?<![\p{L}\p{N}._-])(\p{L}{3,})[._](\p{L}{3,})\d{0,4}@/gu;

const covers = (spans: readonly { start: number; end: number }[], s: number, e: number): boolean => spans.some((x) => x.start < e && s < x.end);

/**
 * Capitalised tokens that repeat a part (3+ letters, not an initial) of a full name found in the same text with some
 * confidence: the same person, given the same initials ('Hi Kirsty' … 'Kirsty Hargreaves' → 'KH', 'KH').
 */
export function partsAgain(text: string, tokens: readonly NameToken[], spans: readonly PersonNameSpan[], exclude?: (s: number, e: number) => boolean): PersonNameSpan[] {
  const byPart = new Map<string, PersonNameSpan>();
  for (const s of spans) {
    if (s.parts.length < 2 || s.confidence < 0.5) continue;
    for (const p of s.parts) {
      const low = p.toLowerCase();
      if (low.length >= 3 && !byPart.has(low)) byPart.set(low, s);
    }
  }
  // a name in an e-mail address ('kirsty.hargreaves@…'): first name, a dot or underscore, surname
  if (text.includes('@')) for (const m of text.matchAll(ADDRESS_NAME)) {
    const [given, family] = [m[1]?.toLowerCase() ?? '', m[2]?.toLowerCase() ?? ''];
    // the first word a given name, by the gazetteer or because it was found as a name in this text
    const named = isFirstName(given) || spans.some((x) => x.parts.length === 1 && x.parts[0]?.toLowerCase() === given);
    if (!named || byPart.has(given)) continue;
    const whole: PersonNameSpan = { start: m.index, end: m.index, kind: 'person', text: '', confidence: 0.8, parts: [given, family], replacement: `${partInitials(given)}${partInitials(family)}`.toUpperCase() };
    byPart.set(given, whole);
    if (!byPart.has(family)) byPart.set(family, whole);
  }
  for (const [part] of byPart) if (isUkPlaceName(part)) byPart.delete(part);
  if (byPart.size === 0) return [];
  const out: PersonNameSpan[] = [];
  // a part found alone takes the whole name's initials ('Kirsty' → 'KH' as 'Kirsty Hargreaves' above)
  for (const s of spans) {
    const whole = s.parts.length === 1 && !s.title ? byPart.get((s.parts[0] ?? '').toLowerCase()) : undefined;
    if (whole && whole !== s) s.replacement = whole.replacement;
  }
  for (const t of tokens) {
    const whole = byPart.get(t.low);
    if (!whole || !/^\p{Lu}/u.test(t.raw) || covers(spans, t.start, t.end) || covers(out, t.start, t.end) || (exclude?.(t.start, t.end) ?? false)) continue;
    // ('Miss May Hamilton' … 'the May 2020 lockdown': the month)
    if (monthUse(text, t.start, t.end)) continue;
    const span: PersonNameSpan = { start: t.start, end: t.end, kind: 'person', text: text.slice(t.start, t.end), confidence: 0.8, parts: [t.raw], replacement: whole.replacement };
    if (t.possessive) span.possessive = t.possessive;
    out.push(span);
  }
  return out;
}

/** Something in the text says it is a pasted e-mail or message: a header line, or a greeting opening a line. */
const MESSAGE_MARK = /(?:^|\n)[ \t]*(?:(?:from|to|sent|subject|cc|date)[ \t]*:|(?:hi|hello|dear|morning|afternoon)\b)/iu;
/** The name that closes it: on the last line alone, or after a closing phrase at the end ('… policy? Thanks, Debs'). */
const CLOSINGS = ['many thanks', 'thanks again', 'thanks', 'thank you', 'kind regards', 'best regards', 'regards', 'best wishes', 'best', 'cheers', 'ta', 'speak soon', 'warm regards'];
/** A closing phrase in any case ('Thanks', 'THANKS', 'kind regards'), the capital test on the name kept exact. */
const CLOSING = CLOSINGS.map((c) => c.replace(/\p{L}/gu, (ch) => `[${ch}${ch.toUpperCase()}]`)).join('|');
const SIGN_OFF = new RegExp(
  String.raw`(?:(?:^|\n)[ \t]*|(?:^|[\n.!?][ \t]*|[ \t])(?<closing>${CLOSING})[ \t]*[,!.]?[ \t]*(?:\n[ \t]*)?)(?<name>\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+)?)[ \t]*[.!]?[ \t]*(?:\n[ \t]*)*$`,
  'u',
);

/** Where the name signing off a pasted message stands, and whether a closing phrase ('Thanks,') came before it. */
export function signOffAt(text: string): { start: number; end: number; closing: boolean } | null {
  if (!MESSAGE_MARK.test(text)) return null;
  const tail = text.slice(-120);
  const m = SIGN_OFF.exec(tail);
  const name = m?.groups?.name;
  if (!m || !name) return null;
  const start = text.length - tail.length + m.index + m[0].lastIndexOf(name);
  return { start, end: start + name.length, closing: m.groups?.closing !== undefined };
}

/** The sign-off name of a pasted message, when it reads as a name: a person, initialled as such. */
export function signOffName(text: string, spans: readonly PersonNameSpan[], exclude?: (s: number, e: number) => boolean): PersonNameSpan | null {
  const at = signOffAt(text);
  if (!at) return null;
  const { start, end } = at;
  const name = text.slice(start, end);
  if (covers(spans, start, end) || (exclude?.(start, end) ?? false)) return null;
  const parts = name.split(/[ \t]+/u);
  const words = parts.map((p) => p.toLowerCase());
  // 'Regards, Housing Team', 'Thanks, Duty Desk': an office signs, not a person
  if (words.some((w) => PLACE_WORDS.has(w) || isAllowListed(w))) return null;
  // a lone ordinary word that is no given name on the last line ('…\nAgreed') is not a name; after a closing phrase
  // it is ('Thanks, Debs')
  if (!at.closing && parts.length === 1 && isCommonWord(words[0] ?? '') && !isFirstName(words[0] ?? '')) return null;
  return { start, end, kind: 'person', text: name, confidence: 0.75, parts, replacement: parts.map(partInitials).join('') || 'X' };
}
