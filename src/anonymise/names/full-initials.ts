// A mapped person written as the initials of every name ('V: HKG DOB …' for Harpreet Kaur Gill, whose initials in the
// map are HG): minutes written in initials name people this way, and a middle initial tells more than the map's.
import type { Person } from '../types.js';
import { isAllowListed } from './allow-list.js';
import { initialsWithMiddles, splitName } from './initials.js';
import { asciiLetters } from './normalise.js';
import { isEnglishWord } from './lexicon.js';
import type { Candidate } from './mention-neighbours.js';

const CAPITALS = /(?<![\p{L}\p{N}.&'’-])\p{Lu}{2,5}(?![\p{L}\p{N}&'’-])/gu;

/** 'V: ', 'P ', 'Perp: ' — a minute's role letter before a person's initials. */
const ROLE_BEFORE = /(?:^|[\s(;,])(?:[VPC]|Perp|Vic|Victim|Perpetrator|Child|CYP):?\s+$/u;

export interface FullInitials {
  /** Candidates for every person's full initials written in capitals. */
  /** `amongNames`: the text names mapped people otherwise too, as the anonymiser's own output would in initials. */
  find(text: string, amongNames?: boolean): Candidate[];
}

export function buildFullInitials(people: readonly Person[]): FullInitials {
  const own = new Set(people.map((p) => p.initials));
  const byLetters = new Map<string, number | null>();
  // full initials that spell a word ('HAM' for Hamish Alasdair MacLeod): only among other initials of the map
  const wordLike = new Set<string>();
  people.forEach((p, i) => {
    // 'Pearl Mei-Ling Wong': PMLW by the map's rule, PMW as minutes write it
    const words = splitName(p.name);
    const simple = [words.first, ...words.middles, words.surnameCore].map((w) => asciiLetters(w).charAt(0).toUpperCase()).join('');
    // ('AMNB' for Aoife Máire Ní Bhriain: every word's letter, the surname's particle too)
    const every = p.name.split(/[\s-]+/u).map((w) => asciiLetters(w).charAt(0).toUpperCase()).join('');
    for (const full of new Set([initialsWithMiddles(p.name), simple, every])) {
      if (full.length < 3 || own.has(full) || isAllowListed(full.toLowerCase())) continue;
      if (isEnglishWord(full.toLowerCase())) wordLike.add(full);
      // two people with the same full initials: neither can be told by them
      byLetters.set(full, byLetters.has(full) && byLetters.get(full) !== i ? null : i);
    }
  });
  if (byLetters.size === 0) return { find: () => [] };
  return {
    find(text, amongNames = false) {
      const tokens = [...text.matchAll(CAPITALS)];
      // (the text as a whole is looked at only once a token is someone's full initials: most texts hold none)
      let shouting: boolean | undefined;
      let amongInitials: boolean | undefined;
      const out: Candidate[] = [];
      for (const t of tokens) {
        const person = byLetters.get(t[0]);
        if (person === undefined || person === null) continue;
        // an English word in capitals ('MAD') only in a text that is not written in capitals throughout
        if (shouting === undefined) {
          const words = text.match(/\p{L}+/gu) ?? [];
          const lower = words.filter((w) => /\p{Ll}\p{Ll}/u.test(w)).length;
          shouting = words.filter((w) => w.length >= 3 && !/\p{Ll}/u.test(w) && !byLetters.has(w) && isEnglishWord(w.toLowerCase())).length > lower;
        }
        amongInitials ??= amongNames || tokens.some((x) => own.has(x[0]));
        if (shouting && isEnglishWord(t[0].toLowerCase())) continue;
        if (wordLike.has(t[0]) && (shouting || !(amongInitials || ROLE_BEFORE.test(text.slice(0, t.index))))) continue;
        out.push({ start: t.index, end: t.index + t[0].length, data: { persons: [person], kinds: ['full'], context: 'plain', multi: true }, confidence: 0.85, reason: 'context' });
      }
      return out;
    },
  };
}
