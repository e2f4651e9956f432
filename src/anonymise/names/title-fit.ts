// Who a mention can be, given the title written before it (DESIGN §5.1): ranks, professions and the sex of a title.
import type { Person } from '../types.js';
import { titleBefore } from './name-context.js';
import type { Candidate, PatternData } from './mention-neighbours.js';

const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'master']);
const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'lady', 'dame', 'madam']);
const sexOfTitle = (title: string): 'm' | 'f' | null => {
  const t = title.replace(/\.$/u, '').toLowerCase();
  return MALE_TITLES.has(t) ? 'm' : FEMALE_TITLES.has(t) ? 'f' : null;
};

/** Police ranks: 'PC Wood', 'Sgt 0310 Bolton' name an officer. */
const POLICE_RANKS = new Set(['pc', 'wpc', 'dc', 'ds', 'di', 'dci', 'dsu', 'dcs', 'ps', 'sgt', 'sergeant', 'pcso', 'insp', 'inspector', 'constable']);
/** Titles of a profession: 'Dr Hussein' is a doctor, not the father the map calls Mr Hussein. */
const PROFESSION_TITLES = new Set(['dr', 'doctor', 'prof', 'professor', 'nurse', 'sister', 'matron', 'midwife', 'judge', 'hhj', 'dj']);
const bare = (title: string): string => title.replace(/\.$/u, '').toLowerCase();
/** A mapped person's role in the case (not a token's access role). */
const isProfessional = ({ role }: Person): boolean => role === 'professional';
const sameProfession = (a: string, b: string): boolean => a === b || ((a === 'dr' || a === 'doctor') && (b === 'dr' || b === 'doctor'));

/**
 * Who a mention can be, given the title written before it: a rank or a profession's title keeps only the mapped
 * people it fits (a surname alone: those with that title; a whole name: professionals too), a Mr or Mrs before a
 * surname only those of that sex. Null when the title rules no one out.
 */
function titleFits(title: string, surnameOnly: boolean, bySex: boolean): ((p: Person) => boolean) | null {
  const t = bare(title);
  if (POLICE_RANKS.has(t)) {
    return (p) => (p.title ? POLICE_RANKS.has(bare(p.title)) : false) || (!surnameOnly && isProfessional(p));
  }
  if (PROFESSION_TITLES.has(t)) {
    return (p) => {
      const own = p.title ? bare(p.title) : null;
      if (own && sameProfession(t, own)) return true;
      return isProfessional(p) && (!surnameOnly || own === null || sexOfTitle(own) === null);
    };
  }
  const sex = bySex ? sexOfTitle(t) : null;
  if (!sex) return null;
  return (p) => {
    const theirs = p.title ? sexOfTitle(p.title) : null;
    return theirs === null || theirs === sex;
  };
}

export function fitTitle(text: string, c: Candidate, people: readonly Person[]): PatternData | null {
  // a whole name is the person whatever the title; a surname alone, or with an initial, may be someone else
  const initialled = c.data.kinds.every((k) => k === 'initial-surname');
  const t = titleBefore(text, c.start);
  // … except after a rank and a collar number: 'Sgt 1450 John Ward' is the officer, not the brother John Ward
  const officer = t?.numberStart !== undefined && POLICE_RANKS.has(bare(t.title));
  if (c.data.multi && !initialled && !officer) return null;
  const surnameOnly = initialled || c.data.kinds.every((k) => k === 'surname' || k === 'part');
  // 'Ms Tan' when the mapped Tan is Mr Tan Çelik: a title of the other sex before a given name is someone else
  // (it only rules everyone out: a given name several people share is never narrowed to one by a title)
  const given = !c.data.multi && c.data.kinds.every((k) => k === 'first');
  const fits = t ? titleFits(t.title, surnameOnly, (surnameOnly && !initialled) || given) : null;
  if (!fits) return null;
  const keep = c.data.persons.map((p, i) => ({ p, k: c.data.kinds[i] ?? 'surname' })).filter(({ p }) => {
    const person = people[p];
    return person ? fits(person) : false;
  });
  if (keep.length === c.data.persons.length || (given && keep.length > 0)) return null;
  return { ...c.data, persons: keep.map((x) => x.p), kinds: keep.map((x) => x.k) };
}

/** Callings a role or title belongs to: 'SW Kent' is not the map's PC Ellis Kent, 'TM Wells' not its DC Wells. */
const CALLINGS: readonly (readonly string[])[] = [
  [...POLICE_RANKS, 'oic'],
  ['dr', 'doctor', 'gp', 'sho', 'registrar', 'consultant', 'locum', 'prof', 'professor'],
  ['nurse', 'sister', 'triage sister', 'ward sister', 'matron', 'rmn', 'rgn', 'anp', 'cpn', 'hca'],
  ['midwife', 'mw'],
  ['hv'],
  ['sw', 'fsw', 'iro', 'amhp', 'social worker', 'tm'],
  ['po', 'pp'],
  ['idva', 'isva'],
  ['dsl', 'teacher', 'ta', 'tutor'],
  ['paramedic'],
  ['interpreter'],
  ['solicitor'],
];
const callingOf = (word: string): number => CALLINGS.findIndex((c) => c.includes(bare(word)));

/** The role written before a name and a mapped professional's own title are of different callings (both known). */
export function callingDiffers(role: string, title: string | undefined): boolean {
  if (!title) return false;
  const [a, b] = [callingOf(role), callingOf(title)];
  return a >= 0 && b >= 0 && a !== b;
}
