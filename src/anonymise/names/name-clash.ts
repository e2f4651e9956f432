// When a one-word mention could be a mapped person or someone else of the same name, in the same text (DESIGN §5.2):
// initialled as written and flagged, never given one person's initials by guess.
import type { Candidate } from './mention-neighbours.js';
import { foldToken } from './name-tokens.js';
import { AsciiCaselessRegExp } from './ascii-caseless.js';

/**
 * An author telling two people of one name apart: 'no relation to the IDVA', 'shares a first name with the victim',
 * 'two people called Robin', 'cannot be attributed', '(not the IDVA)'. In such a text a lone name part is either.
 */
const NAME_CLASH = new AsciiCaselessRegExp(
  [
    String.raw`\bno relation\b`,
    String.raw`\b(?:not|un|neither)[ -]?related\b`,
    String.raw`\bby chance\b`,
    String.raw`\b(?:sur|first |given |middle )?name is (?:the|also)\b`,
    String.raw`\bthe same as (?:the|her|his)\b`,
    String.raw`\bnot connected to\b`,
    String.raw`\bshares?\b[^.;\n]{0,40}?names?\b`,
    String.raw`\b(?:the )?same (?:first |given |middle |sur|family |christian )?names?\b`,
    String.raw`\bname (?:clash|is shared)\b`,
    String.raw`\ba? ?different (?:person|people|man|men|woman|women|patient|officer|worker)\b`,
    String.raw`\b(?:two|three|four|both) (?:(?:unrelated )?(?:people|persons|professionals|men|women|workers|officers|staff|nurses|doctors)\b[^.;\n]{0,30}?\b(?:called|named)\b|\p{Lu}\p{Ll}+s\b)`,
    String.raw`\bcannot be (?:attributed|resolved|told apart)\b`,
    String.raw`\bcoincidence\b`,
    String.raw`(?:^|[(—–,;:]|\s-)\s*(?:but |and |i\.e\. )?(?:is |was |are |were )?not the (?:same|victim|perpetrator|suspect|pseudonym|child|mother|father|friend|\p{L}+['’]s|IDVA|ISVA|social worker|SW|GP|CPN)\b`,
  ].join('|'),
  'iu',
);

export const talksOfNameClash = (text: string): boolean => NAME_CLASH.forText(text).test(text);

/**
 * The one-word mentions in `own` that could be someone else here: the same word is another person's name part in
 * this text ('Joy' after 'Joy Ladipo' when Joy Asante is mapped, 'SW Ijeoma'), or the text discusses people who share
 * a name. A mention of several words ('Joy Asante') stays the person's.
 */
export function unsureMentions(text: string, own: readonly Candidate[], othersWords: readonly string[]): Set<Candidate> {
  const out = new Set<Candidate>();
  const single = own.filter((c) => !c.data.multi);
  if (single.length === 0) return out;
  const clash = talksOfNameClash(text);
  const elsewhere = new Set(othersWords.map((w) => foldToken(w)));
  for (const c of single) if (clash || elsewhere.has(foldToken(text.slice(c.start, c.end)))) out.add(c);
  return out;
}
