// Every written form of a mapped person is found; ordinary words that are also names survive and are reported.
import { describe, expect, it } from 'vitest';
import { buildNameMatcher } from '../../../src/anonymise/names/name-matcher.js';
import type { Person } from '../../../src/anonymise/types.js';

const person = (name: string, initials: string, extra: Partial<Person> = {}): Person => ({
  name, initials, aliases: [], role: 'family', pseudonym: null, title: null, ...extra,
});

const people: Person[] = [
  person('Sarah Thompson', 'ST', { role: 'victim', aliases: ['Sazza', 'Sarah Hughes'] }),
  person('Mark James Reid', 'MR', { role: 'perpetrator' }),
  person("Siobhán O'Connor", 'SO'),
  person('Grace Smith-Jones', 'GSJ'),
  person('Priya Sharma', 'PS', { role: 'professional' }),
  person('Rose Brown', 'RB', { role: 'child' }),
  person('Jan van der Berg', 'JB'),
  person('May Lee', 'ML'),
];
const matcher = buildNameMatcher(people);
const found = (text: string): [string, number][] => matcher.find(text).map((m) => [m.text, m.personIndex]);

describe('variant kinds', () => {
  it.each([
    ['full name', 'Sarah Thompson attended.', [['Sarah Thompson', 0]]],
    ['first name', 'Later Sarah rang.', [['Sarah', 0]]],
    ['surname', 'Thompson rang.', [['Thompson', 0]]],
    ['first + surname without middle', 'Mark Reid was arrested.', [['Mark Reid', 1]]],
    ['full name with middle', 'Mark James Reid was arrested.', [['Mark James Reid', 1]]],
    ['initial + surname, dotted', 'Seen by M. Reid.', [['M. Reid', 1]]],
    ['initial + surname, bare', 'Seen by M Reid.', [['M Reid', 1]]],
    ['initials + surname', 'Seen by M.J. Reid.', [['M.J. Reid', 1]]],
    ['surname, first (police style)', 'REID, Mark arrested.', [['REID, Mark', 1]]],
    ['ALL-CAPS', 'THOMPSON was seen.', [['THOMPSON', 0]]],
    ['lower case', 'pt sarah thompson seen by gp', [['sarah thompson', 0]]],
    ['diacritics typed', 'Siobhán came.', [['Siobhán', 2]]],
    ['diacritics not typed', 'Siobhan came.', [['Siobhan', 2]]],
    ['combining accent', 'Siobha\u0301n came.', [['Siobha\u0301n', 2]]],
    ['straight apostrophe', "O'Connor came.", [["O'Connor", 2]]],
    ['curly apostrophe', 'O’Connor came.', [['O’Connor', 2]]],
    ['no apostrophe', 'OConnor came.', [['OConnor', 2]]],
    ['hyphenated surname', 'Smith-Jones came.', [['Smith-Jones', 3]]],
    ['each part of a hyphenated surname', 'Jones came.', [['Jones', 3]]],
    ['particle surname', 'Mr van der Berg came.', [['van der Berg', 6]]],
    ['surname without particle', 'Berg came.', [['Berg', 6]]],
    ['alias (nickname)', 'Sazza rang.', [['Sazza', 0]]],
    ['alias (maiden name) and its parts', 'Sarah Hughes, or Hughes', [['Sarah Hughes', 0], ['Hughes', 0]]],
    ['split over a line', 'Sarah\nThompson came.', [['Sarah\nThompson', 0]]],
    ['split over a line with spaces', 'Sarah \r\n  Thompson came.', [['Sarah \r\n  Thompson', 0]]],
    ['non-breaking space', 'Sarah\u00a0Thompson came.', [['Sarah\u00a0Thompson', 0]]],
  ] as [string, string, [string, number][]][])('%s', (_kind, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('keeps title and possessive outside the span', () => {
    const [m] = matcher.find('Seen by Dr. Sharma’s team');
    expect(m).toMatchObject({ text: 'Sharma', title: 'Dr.', possessive: '’s', personIndex: 4 });
  });

  it('notes a collar number between title and name', () => {
    const text = 'PC 4471 Priya Sharma attended';
    const [m] = matcher.find(text);
    expect(m).toMatchObject({ text: 'Priya Sharma', title: 'PC', numberStart: 3, titleStart: 0, personIndex: 4 });
  });

  it.each(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Cllr', 'Rev', 'Mr.'])('title %s + surname', (title) => {
    expect(matcher.find(`Spoke to ${title} Reid today`)[0]).toMatchObject({ text: 'Reid', title, personIndex: 1 });
  });

  it.each(['Dr', 'Doctor', 'Prof', 'Nurse', 'Sister', 'Dr.'])('title %s + the surname of a mapped professional', (title) => {
    expect(matcher.find(`Spoke to ${title} Sharma today`)[0]).toMatchObject({ text: 'Sharma', title, personIndex: 4 });
  });

  it.each(['PC', 'DC', 'DS', 'DI', 'DCI', 'Sgt', 'PCSO', 'PC 4471'])('rank %s + the surname of a mapped officer', (rank) => {
    const m = buildNameMatcher([person('Amir Shah', 'AS', { role: 'professional', title: 'DS' })]);
    expect(m.find(`Spoke to ${rank} Shah today`)[0]).toMatchObject({ text: 'Shah', personIndex: 0 });
  });

  it.each([
    ['a rank before the surname of a mapped non-officer', 'PC Reid', 'Reid'],
    ['a rank and collar number', 'Sgt 0310 Reid', 'Reid'],
    ['a rank and collar number before the whole name of the mapped perpetrator', 'PC 4471 Mark Reid', 'Mark Reid'],
    ['a doctor’s title before the surname of the mapped perpetrator', 'Dr Reid', 'Reid'],
    ['a doctor’s title before the surname of a mapped relative', 'Dr Brown', 'Brown'],
  ])('%s is someone else (%s)', (_what, written, surname) => {
    const scan = matcher.scan(`Spoke to ${written} today`);
    expect(scan.matches).toEqual([]);
    expect(scan.others.map((o) => o.text)).toEqual([surname]);
  });

  it.each([
    ["Sarah's", "'s"],
    ['Sarah’s', '’s'],
    ["SARAH'S", "'S"],
  ])('possessive %s', (text, possessive) => {
    expect(matcher.find(`${text} car`)[0]).toMatchObject({ text: 'Sarah'.length === 5 ? text.slice(0, 5) : text, possessive });
  });

  it('is word-bounded', () => {
    expect(found('Sarahville and Marked and Reidy')).toEqual([]);
    expect(found('XThompson Thompson2')).toEqual([]);
  });

  it('catches misspellings and a possessive without its apostrophe', () => {
    expect(found('Sarrah and the Thompsons; Siobahn rang')).toEqual([['Sarrah', 0], ['Thompsons', 0], ['Siobahn', 2]]);
    expect(found('Sara and Mary and Marks and Shar')).toEqual([]);
  });

  it('takes the longest match, without overlaps', () => {
    expect(found('Sarah Thompson Reid')).toEqual([['Sarah Thompson', 0], ['Reid', 1]]);
  });

  it('does not touch initials already applied', () => {
    expect(found('ST and MR and PS met.')).toEqual([]);
  });
});

describe('ordinary words that are also names', () => {
  it.each([
    ['a red mark on her neck', []],
    ['Mark said he would leave', [['Mark', 1]]],
    ['She told Mark to leave', [['Mark', 1]]],
    ['Mark’s car was outside', [['Mark', 1]]],
    ['her partner Mark was there', [['Mark', 1]]],
    ['Mr Brown was there', [['Brown', 5]]],
    ['brown hair', []],
    ['a Rose Cottage tenancy', []],
    ['She went to Rose Cottage.', []],
    ['Rose said she was scared.', [['Rose', 5]]],
    ['Her daughter Rose attended.', [['Rose', 5]]],
    ['Rose Brown attended.', [['Rose Brown', 5]]],
    ['the rose garden', []],
    ['In May 2013 she moved.', []],
    ['On 3 May she moved.', []],
    ['May said she was scared.', [['May', 7]]],
    ['Visited by May Lee.', [['May Lee', 7]]],
    ['Her mother May attended.', [['May', 7]]],
    ['Later that week May was seen.', [['May', 7]]],
  ] as [string, [string, number][]][])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('reports what it left alone', () => {
    expect(matcher.ambiguous('a red mark on her neck').map((a) => [a.text, a.reason])).toEqual([['mark', 'lowercase']]);
    expect(matcher.ambiguous('She went to Rose Cottage.').map((a) => [a.text, a.personIndex, a.reason])).toEqual([['Rose', 5, 'context']]);
    expect(matcher.ambiguous('Mark said')).toEqual([]);
  });

  it('keeps a word that grammar or the dictionary says is a word', () => {
    const m = buildNameMatcher([person('Rowan Tait', 'RT'), person('Grace Oduya', 'GO'), person('Sky Oduya', 'SO'), person('Tan Wei', 'TW')]);
    const texts = (t: string): string[] => m.find(t).map((x) => x.text);
    expect(texts('Grace and patience are not a safety plan.')).toEqual([]);
    expect(texts('A TAN COLOURED BMW was seen.')).toEqual([]);
    // a name joined to a possessive, a lower-case name that is no dictionary word, a capitalised name: all replaced
    expect(texts('He wished to see "Sky and my stepson".')).toEqual(['Sky']);
    // recall first: a lower-case name that is also a rare dictionary word is still the person ('pt rowan', 'ana')
    expect(texts('pt rowan seen with Rowan Tait')).toEqual(['rowan', 'Rowan Tait']);
    expect(texts('pt oduya seen')).toEqual(['oduya']);
    // and a grammatical word use is not reported to the chair either
    expect(m.ambiguous('Grace and patience are not a safety plan.').map((a) => a.finding)).toEqual([undefined]);
  });

  it('takes a misspelt other part of the same name beside an accepted one', () => {
    const m = buildNameMatcher([person('Eilidh Ross', 'ER'), person('Ravi Kumar Shah', 'RS'), person('Tomasz Nowak', 'TN'), person('Levi Nowak', 'LN')]);
    const texts = (t: string): [string, number][] => m.find(t).map((x) => [x.text, x.personIndex]);
    expect(texts('caller eilidh rosss asked for help')).toEqual([['eilidh rosss', 0]]);
    expect(texts('pt ravi kumr seen')).toEqual([['ravi kumr', 1]]);
    // a surname two people share, with a misspelt given name of one of them before it: that one
    expect(texts('says levy nowak is back')).toEqual([['levy nowak', 3]]);
    // a word one edit from no part of the name is left to the other rules
    expect(texts('Eilidh Roth visited')).toEqual([]);
  });

  it('reads a list of names as a list', () => {
    const m = buildNameMatcher([person('Shanice Brown', 'SB'), person('Hyacinth Brown', 'HB'), person('Joris de Vries', 'JV'), person('Sky de Vries', 'SV')]);
    const texts = (t: string): [string, number][] => m.find(t).map((x) => [x.text, x.personIndex]);
    // title + surname, then a given name: not 'Brown, Shanice'
    expect(texts('Present: Mrs Brown, Shanice and staff.').map(([t]) => t)).toEqual(['Brown', 'Shanice']);
    expect(texts('BROWN, Shanice arrested')).toEqual([['BROWN, Shanice', 0]]);
    // 'S' for suspect before a surname-first name of another person
    expect(texts('V BROWN Shanice; S DE VRIES Joris')).toEqual([['BROWN Shanice', 0], ['DE VRIES Joris', 2]]);
  });

  it('reads a lower-case verb after a relationship word as the verb', () => {
    const m = buildNameMatcher([person('Said Warsame', 'SW'), person('Mark Obi', 'MO')]);
    expect(m.find('Her friend said that she was scared.')).toEqual([]);
    expect(m.find('her partner mark was there').map((x) => x.text)).toEqual(['mark']);
  });

  it('tells a professional who shares a mapped name by the role before it, or by a surname of someone else', () => {
    const m = buildNameMatcher([
      person('Rowan Kirk', 'RK', { role: 'friend' }),
      person('Shilan Ahmed', 'SA'),
      person('Abdi Hussein', 'AH'),
      person('Errol Lincoln', 'EL'),
      person('Nkechi Obi', 'NO', { role: 'professional' }),
    ]);
    const texts = (t: string): string[] => m.find(t).map((x) => x.text);
    expect(texts('IDVA Rowan rang; SW (Rowan) agreed.')).toEqual([]);
    expect(texts('Seen by Dr Ahmed Hussein.')).toEqual([]);
    expect(texts('IDVA Rowan Fielding; CPN Errol Green')).toEqual([]);
    // the map's own professional keeps her initials after her role; the friend outside a role is the friend
    expect(texts('SW Nkechi visited. Rowan rang.')).toEqual(['Nkechi', 'Rowan']);
    // a capitalised real name one letter from a part is not taken as a misspelling of it
    const d = buildNameMatcher([person('Rose Dela Cruz', 'RC')]);
    expect(d.find('nurse Rosario Dela Rosa').map((x) => x.text)).not.toContain('Dela Rosa');
  });

  it('keeps a numbered place that shares a surname', () => {
    const m = buildNameMatcher([person('Ciara Ward', 'CW')]);
    expect(m.find('She was moved to Ward 205 overnight.')).toEqual([]);
    expect(m.find('Ms Ward 205')).toHaveLength(1);
  });

  it('does not report modal verbs', () => {
    expect(matcher.ambiguous('she may call and will attend')).toEqual([]);
  });

  it('matches a non-ambiguous name case-insensitively', () => {
    expect(found('gp note: sarah seen, thompson family')).toEqual([['sarah', 0], ['thompson', 0]]);
  });
});

describe('mentions', () => {
  it('says whether a text mentions anyone, or one person', () => {
    expect(matcher.mentions('Sarah rang')).toBe(true);
    expect(matcher.mentions('Sarah rang', 0)).toBe(true);
    expect(matcher.mentions('Sarah rang', 1)).toBe(false);
    expect(matcher.mentions('a red mark')).toBe(false);
  });

  it('copes with an empty map and empty text', () => {
    expect(buildNameMatcher([]).find('Sarah Thompson')).toEqual([]);
    expect(matcher.find('')).toEqual([]);
  });

  it('never guesses who a surname two people share means: it is marked shared (§5.2)', () => {
    const m = buildNameMatcher([person('Mark Reid', 'MR'), person('Sarah Reid', 'SR')]);
    expect(m.find('Sarah Reid said Mr Reid hit her').map((x) => [x.text, x.personIndex, x.shared ?? null])).toEqual([
      ['Sarah Reid', 1, null],
      ['Reid', 0, [0, 1]],
    ]);
  });

  it('tells a mapped first name from another person who shares it (§5.2)', () => {
    const m = buildNameMatcher([person('Declan Walsh', 'DW'), person('Hope Field', 'HF'), person('Mercy Price', 'MP')]);
    expect(m.find('Declan Byrne called.')).toEqual([]);
    expect(m.find('Colin Field-Hughes called.')).toEqual([]);
    expect(m.find('DSL C Price called.')).toEqual([]);
    expect(m.find('Declan Walsh called. Declan was drunk.').map((x) => x.text)).toEqual(['Declan Walsh', 'Declan']);
  });

  it('tells another person by a surname that is also a word, or at the end of a sentence', () => {
    const m = buildNameMatcher([person('Ivy Okoro', 'IO'), person('Ravinder Kaur Gill', 'RG'), person('Manjit Singh Gill', 'MG')]);
    expect(m.find('Key worker Ivy Thatcher visited.')).toEqual([]);
    expect(m.find('Allocated to SW Ivy Nkemelu.')).toEqual([]);
    // a middle name of one person beside the given name of another: someone else
    expect(m.find('Sewadar Manjit Kaur spoke to us.')).toEqual([]);
    // but not a verb or an adverb capitalised by a careless writer, nor the person's own surname
    expect(m.find('Ivy Seen at clinic. Ivy Okoro rang.').map((x) => x.text)).toEqual(['Ivy', 'Ivy Okoro']);
  });
});
