// Anonymising chronology text: mapped people → initials or pseudonym, identifiers → [kind], unmapped names → initials.
import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../src/anonymise/anonymiser.js';
import type { Person } from '../../src/anonymise/types.js';
import { CHRONOLOGY_TEXTS, PEOPLE, entry } from './fixtures.js';

const initials = createAnonymiser(PEOPLE, 'initials');
const pseudonyms = createAnonymiser(PEOPLE, 'pseudonym');
/** The names layer alone: the address detector would otherwise take 'Rose Cottage' first. */
const namesOnly = createAnonymiser(PEOPLE, 'initials', { identifiers: () => [] });
const out = (s: string): string | null => initials.text(s).text;

describe('text()', () => {
  it.each([
    ['Doctor Smith should be Doctor S', 'Doctor Smith called.', 'Doctor S called.'],
    ['Joe Bloggs should read JB', 'Joe Bloggs called.', 'JB called.'],
    ['full name', 'Sarah Thompson attended.', 'ST attended.'],
    ['title kept', 'Dr Sharma and Mr Reid', 'Dr PS and Mr MR'],
    ['possessive kept (curly)', 'Sarah’s phone', 'ST’s phone'],
    ['possessive kept (straight)', "Sarah's phone", "ST's phone"],
    ['ALL-CAPS', 'REID was seen', 'MR was seen'],
    ['a surname two people share, as written', 'THOMPSON was seen', 'T was seen'],
    ['diacritics not typed', 'Siobhan came', 'SO came'],
    ["curly apostrophe for O'Connor", 'O’Connor came', 'SO came'],
    ['split over a line', 'Sarah\nThompson came', 'ST came'],
    ['lower case in a GP note', 'pt sarah seen', 'pt ST seen'],
    ['both parts misspelt in lower case in a pasted log', 'pt saraah thompsen 31F, conveyed', 'pt ST 31F, conveyed'],
    ['one lower-case word near a name is still a word', 'the thompsen report', 'the thompsen report'],
    ['surname, first', 'REID, Mark arrested', 'MR arrested'],
    ['ordinary word left alone', 'a red mark on her neck', 'a red mark on her neck'],
    ['ordinary-word name replaced in context', 'Mark said he would go', 'MR said he would go'],
    ['unmapped name with cue', 'her partner Gary was there', 'her partner G was there'],
    ['unmapped name with title and collar number', 'PC Fraser attended', 'PC F attended'],
    ['a title, an initial and a surname in a log typed in lower case', 'caller gives name as mr g priest next door; mr a bit tired', 'caller gives name as mr GP next door; mr a bit tired'],
    ['a Will the document, whoever is mapped', 'Search found a handwritten Will in a drawer; his last Will and testament named Gary.', 'Search found a handwritten Will in a drawer; his last Will and testament named G.'],
    ['a given name that is also a language, writing', 'Closing note: Shona writes that the plan changed.', 'Closing note: S writes that the plan changed.'],
    ['the PSNI’s constable, and ages and spans in a log in capitals', 'Cst 7140 Cathal Hughes. IP WITH HER 3 YRS, CHILD 18 MTHS.', 'Cst [reference] CH. IP WITH HER 3 YRS, CHILD 18 MTHS.'],
    ['a house named before its street after "lives"', 'Father lives Penmarrow, 2 Chapel Hill, Saltash.', 'Father lives [address], [address], Saltash.'],
    ['a surname that is a word after a probation officer’s role', 'PO Lamb asked about contact; letters to PO Box 12.', 'PO L asked about contact; letters to PO Box 12.'],
    ['a name that ends like a street after a role is a person', 'paramedic Declan Close attended; police went to Sorrel Close.', 'paramedic DC attended; police went to [address].'],
    ['identifier', 'call 07700 900123 now', 'call [phone] now'],
    ['event dates stay', 'On 03/04/2013 Sarah rang', 'On 03/04/2013 ST rang'],
    ['a date of birth in brackets after a name', 'REID, Mark (02/11/1984) arrested', 'MR ([date of birth]) arrested'],
    ['a date straight after a name, long before the text’s year', 'MALE REID MARK 02/11/1984 ARRESTED 03/05/2019', 'MALE MR [date of birth] ARRESTED 03/05/2019'],
    ['a date of birth after a name and a bracketed note, no comma', 'THOMPSON, Sarah (IP) 17/09/1987', 'ST (IP) [date of birth]'],
    ['field labels of an extract in capitals are no names', 'NOMINAL: REID, MARK  POB: KUMASI  ASSOC: GARY WHITFIELD', 'NOMINAL: MR  POB: KUMASI  ASSOC: GW'],
    ['a police operation, a car model, a hospital by its department and a place of birth are no names', 'Op Willow began. Seen in a Dacia Logan. Conveyed Derriford ED. POB: KUMASI.', 'Op Willow began. Seen in a Dacia Logan. Conveyed Derriford ED. POB: KUMASI.'],
    ['an alias in an ALL-CAPS list after AKA', 'THOMPSON SARAH AKA HUGHES / SAZZA', 'ST AKA ST / ST'],
    ['plural acronyms and firms are no names', 'Sarah has her GCSEs. Letter from Malik & Co Solicitors.', 'ST has her GCSEs. Letter from Malik & Co Solicitors.'],
    ['a date of birth after a name and a bracketed note', 'Sarah Thompson (Nursery class) (28/01/2015) has a bruise.', 'ST (Nursery class) ([date of birth]) has a bruise.'],
    ['a date of birth after a name and an age', 'Gary Smith, 34 (12.07.90), arrested.', 'GS, 34 ([date of birth]), arrested.'],
    ['a date of birth in square brackets after a name', 'SMITH Gary [12/07/1990] custody.', 'SG [[date of birth]] custody.'],
    ['dates of birth straight after two names, neither the other’s contact date', 'PARENTS (GURDEV SANDHU 11/06/1954, SURINDER SANDHU 30/09/1957) LIVE THERE', 'PARENTS (GS [date of birth], SS [date of birth]) LIVE THERE'],
    ['a date of birth after a name in quotes', 'Registered as "Siu Fong Wong" (12/08/1962) then.', 'Registered as "SFW" ([date of birth]) then.'],
    ['a chat’s timestamp on the line after a name is no date of birth', 'Sarah: see you at sazzas\n[14/09/1999, 21:05] Mark: ok', 'ST: see you at ST\n[14/09/1999, 21:05] MR: ok'],
    ['a child’s date straight after a name, ten years before the text’s year', 'Entry clearance granted: REID MARK 09/06/2007. Arrived 30/08/2020.', 'Entry clearance granted: MR [date of birth]. Arrived 30/08/2020.'],
    ['a household list: a marked birth says nothing of the text’s year', 'Household: Sarah Thompson 22/05/2014; Mark Reid 14.02.2017; Gary Whitfield (born 03/12/1957).', 'Household: ST [date of birth]; MR [date of birth]; GW (born [date of birth]).'],
    ['a recent date straight after a name is a contact', 'Seen by Sarah 02/11/2018 at home, 2019 review', 'Seen by ST 02/11/2018 at home, 2019 review'],
  ])('%s', (_what, input, expected) => {
    expect(out(input)).toBe(expected);
  });

  it('reads file names and paths with underscores as words, and a login of initial and surname', () => {
    expect(out('Draft saved as DHR_Thompson_14_Birchfields_Road_v3.docx in C:/Users/sthompson/Documents')).toBe('Draft saved as DHR_T_[address]_v3.docx in C:/Users/ST/Documents');
    expect(out('Mail sarah_t@example.org')).toBe('Mail [email]');
  });

  it('keeps a town whose name holds a possessive, and a year of birth (no more than an age)', () => {
    expect(out("She had lived in King's Lynn since 2012; her daughter was born in 2017.")).toBe("She had lived in King's Lynn since 2012; her daughter was born in 2017.");
  });

  it('takes a capitalised word-name in a column of names for the person', () => {
    expect(createAnonymiser([{ name: 'Teg Lupu', initials: 'TL', aliases: ['Teg'], role: 'family', pseudonym: null, title: null }], 'initials', { identifiers: () => [] }).text('Teg, son', { field: 'names' }).text).toBe('TL, son');
  });

  it('passes null through and keeps empty text', () => {
    expect(initials.text(null)).toEqual({ text: null, unmapped: [], detections: [] });
    expect(initials.text('').text).toBe('');
  });

  it('lists unmapped names it replaced, for the chair', () => {
    const r = initials.text('Gary Whitfield and Doctor Okafor met PC 4471 Helen Fraser.');
    expect(r.text).toBe('GW and Doctor O met PC [reference] HF.');
    expect(r.unmapped).toEqual(['Gary Whitfield', 'Doctor Okafor', 'PC Helen Fraser']);
  });

  it('keeps a place named with an ordinary-word name, for the chair to decide, when no address detector takes it', () => {
    const r = namesOnly.text('She lives at Rose Cottage');
    expect(r.text).toBe('She lives at Rose Cottage');
    expect(r.detections.map((d) => [d.kind, d.text, d.confidence < 0.5])).toEqual([['mapped-name', 'Rose', true]]);
    expect(initials.text('She lives at Rose Cottage').text).toBe('She lives at [address]');
  });

  it.each([
    ['a capitalised ordinary-word name on its own', 'Rose', 'RT'],
    ['at the start of a sentence', 'Rose seen for a medication review.', 'RT seen for a medication review.'],
    ['after a colon', 'Seen: Rose, tearful.', 'Seen: RT, tearful.'],
    ['in a list', 'Rose (daughter) and Mark', 'RT (daughter) and MR'],
    ['but not a lone lower-case word', 'a rose on the table', 'a rose on the table'],
  ])('replaces %s (recall first)', (_what, input, expected) => {
    expect(out(input)).toBe(expected);
  });

  it('gives an unmapped person who shares a first name their own initials', () => {
    expect(out('Mark Jenkins, a neighbour, rang.')).toBe('MJ, a neighbour, rang.');
    expect(out('Colin Reid-Hughes is her employer.')).toBe('CRH is her employer.');
  });

  it('returns weak candidates as detections below the replacing confidence', () => {
    const r = namesOnly.text('Rose Cottage was visited by the Zorblax outreach team.');
    expect(r.detections.filter((d) => d.confidence < 0.5).map((d) => [d.kind, d.text])).toEqual([['mapped-name', 'Rose']]);
  });

  it('gives one person the same initials everywhere', () => {
    const text = CHRONOLOGY_TEXTS.join(' ');
    const result = out(text) ?? '';
    expect(result).not.toMatch(/Sarah|Thompson|Reid|Siobh|O.Connor|Sharma|Sazza/i);
    expect(result.match(/\bST\b/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('uses the pseudonym in pseudonym mode, dropping the title, and initials for people without one', () => {
    expect(pseudonyms.text("Mrs Thompson and Mr Reid's car; Dr Sharma").text).toBe("Mrs T and Adult B's car; Dr PS");
    expect(pseudonyms.text('Rose said').text).toBe('Child C said');
  });
});

describe('professional()', () => {
  it.each([
    ['PC 4471 Helen Fraser', 'PC HF'],
    ['Dr J Okafor', 'Dr JO'],
    ['Helen Fraser (Social Worker)', 'HF (Social Worker)'],
    ['Social Worker', 'Social Worker'],
    ['Health Visitor', 'Health Visitor'],
    ['Health Visitor Helen Fraser', 'Health Visitor HF'],
    ['DC 1234', 'DC'],
    ['Helen Fraser, Staff no. 5566', 'HF'],
    ['Staff no. 5566 Jane Doe', 'JD'],
    ['Dr Sharma', 'Dr PS'],
    ['Mark Wood, Housing Officer', 'MW, Housing Officer'],
    ['Nurse Practitioner', 'Nurse Practitioner'],
    ['IDVA', 'IDVA'],
    ['Paramedics L. Pemberton (31207), Joe Bloggs (30988)', 'Paramedics LP, JB'],
    ['Con 5530 Hamilton, Con 7118 Orla Devlin', 'Con H, Con OD'],
    ['Dr ANB (GP); Sergeant TOS', 'Dr ANB (GP); Sergeant TOS'],
    ['Con H, Con OD', 'Con H, Con OD'],
    ['Con Murphy', 'CM'],
    // a surname that is also a word, right after a role or its abbreviation, is the professional's
    ['Paramedic Faith Lamb (P4411), ECA Moss', 'Paramedic FL, ECA M'],
    ['SN Jones; EMT Lamb', 'SN J; EMT L'],
    ['Housing (Newport City Homes)', 'Housing (Newport City Homes)'],
  ])('%s → %s', (input, expected) => {
    expect(initials.professional(input).text).toBe(expected);
  });
});

describe('entry()', () => {
  it('anonymises every text field, keeps dates, and collects unmapped names', () => {
    const a = createAnonymiser(PEOPLE, 'initials');
    const e = a.entry(entry());
    expect(e).toMatchObject({
      date: '2013-04-03', time: '17:00', source: 'Niche log for ST', professional: 'PC HF', contact: 'ST and MR',
      outcome: 'Referred to MARAC by DS K', comment: 'ST was not asked about MR alone.',
      extra: { 'Family members': 'RT (daughter), MR' }, provenance: { row: 7 },
    });
    expect(e.event).toContain('MR arrested');
    expect(e.event).not.toMatch(/Sarah|THOMPSON|Reid|Birchfields|07700/);
    expect(a.unmappedNames()).toEqual(['DS Kowalski', 'PC Fraser', 'PC Helen Fraser']);
  });
});

describe('identifiers beside a protected term, places of Ireland, and ALL-CAPS logs once labelled', () => {
  const caseMap = {
    people: PEOPLE,
    terms: [{ text: "Oak Meadow Travellers' Site", aliases: ['OAK MEADOW'], label: '[site]' }],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials');

  it('keeps the pitch number of an address that runs into a protected site', () => {
    expect(an.text("SCREAMING AT PITCH 14, OAK MEADOW TRAVELLERS' SITE, ST3 5QZ").text).toBe('SCREAMING AT [address], [site], [postcode]');
  });

  it('reads Irish towns and counties as places, not people', () => {
    expect(an.text('Her mother lives in Tuam, Co. Galway, and visits Kilkenny.').text).toBe('Her mother lives in Tuam, Co. Galway, and visits Kilkenny.');
  });

  it('checks its own ALL-CAPS output without taking an ordinary capitalised word for a name', () => {
    const once = an.text('OFFICERS ATTENDED 14 ACACIA AVENUE AT DAWN; REID ARRESTED.').text ?? '';
    expect(once).toBe('OFFICERS ATTENDED [address] AT DAWN; MR ARRESTED.');
    expect(an.text(once).detections.filter((d) => d.confidence >= 0.5)).toEqual([]);
  });
});

describe('a village that is a word, and a name given in a log', () => {
  const caseMap = {
    people: [{ name: 'Jay Trevithick', initials: 'JT', aliases: [], role: 'perpetrator' as const, pseudonym: null, title: 'Mr' }],
    terms: [{ text: 'Eye', aliases: [], label: '[village]' }],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials');
  const text = (s: string): string => an.text(s).text ?? '';

  it('replaces the village written with a capital, not the word in lower case', () => {
    expect(text('Bailed not to attend Eye; mum had a black eye covered by make-up.')).toBe('Bailed not to attend [village]; mum had a black eye covered by make-up.');
  });

  it.each([
    ['MALE GAVE NAME JAY. CONTACT LOST.', 'MALE GAVE NAME JT. CONTACT LOST.'],
    ['MALE GAVE NAME AS JAY.', 'MALE GAVE NAME AS JT.'],
    ['He introduced himself as Jay to staff.', 'He introduced himself as JT to staff.'],
  ])('takes a word-name a log says is a name: %s', (input, expected) => {
    expect(text(input)).toBe(expected);
  });
});

describe('people named again in the same text, and the words around a name', () => {
  const caseMap = {
    people: [
      { name: 'Bridget Mary Ward', initials: 'BW', aliases: ['Bridie'], role: 'victim' as const, pseudonym: null, title: 'Mrs' },
      { name: 'John Joe Ward', initials: 'JW', aliases: ['DJ'], role: 'perpetrator' as const, pseudonym: null, title: 'Mr' },
      { name: 'Patrick Ward', initials: 'PW', aliases: [], role: 'family' as const, pseudonym: null, title: 'Mr' },
      { name: 'May Wong', initials: 'MW', aliases: [], role: 'friend' as const, pseudonym: null, title: null },
      { name: 'Can Doğan', initials: 'CD', aliases: [], role: 'child' as const, pseudonym: null, title: null },
      { name: 'Berfin Doğan', initials: 'BD', aliases: [], role: 'child' as const, pseudonym: null, title: null },
    ],
    terms: [],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials', { identifiers: () => [] });
  const text = (s: string): string => an.text(s).text ?? '';

  it.each([
    ['a title and a surname that is also a word, whoever of the family it is', 'On arrival Mr Ward and his father both present.', 'On arrival Mr W and his father both present.'],
    ['a nickname with the surname, in lower case in a pasted log', 'CALLER bridie ward - HE HAS THE BABY', 'CALLER BW - HE HAS THE BABY'],
    ['a modal verb capitalised mid-sentence is the person it names', 'The family asked that May be called by her English name.', 'The family asked that MW be called by her English name.'],
    ['a modal opening a sentence is the verb', 'May be seen again next week.', 'May be seen again next week.'],
    ['a modal asking a question is the verb wherever it stands', 'Hi Amira, Can you call me?', 'Hi A, Can you call me?'],
    ['a name in a list of children with ages', 'Children: Can 7, Berfin 3.', 'Children: CD 7, BD 3.'],
    ['an alias the chair listed, though it is also a title', 'From DJ: "you will be sorry"', 'From JW: "you will be sorry"'],
  ])('%s', (_what, input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it('initials a first name again when the full name stood earlier in the text, and the name signing off a message', () => {
    const mail = 'From: Kirsty Hargreaves <k.h@example.org>\nSubject: closure\nHi, closing as non-engaging. Kirsty rang twice.\nThanks, Debs';
    expect(text(mail)).toBe('From: KH <k.h@example.org>\nSubject: closure\nHi, closing as non-engaging. KH rang twice.\nThanks, D');
  });

  it('takes the name in an e-mail address as the person greeted by it', () => {
    expect(text('To: kirsty.hargreaves@example.org\nKirsty, she was in today.')).toBe('To: kirsty.hargreaves@example.org\nKH, she was in today.');
  });

  it('does not take an office signing off, or a town named again, for a person', () => {
    expect(text('Hi, the tenancy is ended.\nRegards, Housing Team')).toBe('Hi, the tenancy is ended.\nRegards, Housing Team');
    expect(text('Derby Homes and Derby City Council agreed.')).toBe('Derby Homes and Derby City Council agreed.');
  });

  it('keeps a greeting out of the name it opens, on any line', () => {
    expect(text('To: Tobi Bakare\nHi Tobi, thanks.')).toBe('To: TB\nHi TB, thanks.');
  });
});

describe('names across a line end, professionals sharing a nickname, and a message’s sender', () => {
  const caseMap = {
    people: [
      { name: 'Grace Owusu-Mensah', initials: 'GOM', aliases: [], role: 'family' as const, pseudonym: null, title: 'Ms' },
      { name: 'Margaret McDonagh', initials: 'MM', aliases: ['Maggie'], role: 'family' as const, pseudonym: null, title: 'Mrs' },
      { name: 'Rowan Kirk', initials: 'RK', aliases: [], role: 'friend' as const, pseudonym: null, title: null },
    ],
    terms: [],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials', { identifiers: () => [] });
  const text = (s: string): string => an.text(s).text ?? '';

  it('joins a double-barrelled name hyphenated at a line end, and a word broken there', () => {
    expect(text('recorded as Ms Owusu-\nMensah in the export')).toBe('recorded as Ms GOM in the export');
    expect(text('recorded as Ms Owu-\nsu-Mensah')).toBe('recorded as Ms GOM');
  });

  it('takes a mapped nickname after a professional’s role for a professional who shares it', () => {
    const out = an.text('Present: DI Lowe, IDVA, PO (Maggie), school.');
    expect(out.text).toBe('Present: DI L, IDVA, PO (M), school.');
    expect(out.detections.find((d) => d.text === 'Maggie')?.kind).toBe('person');
  });

  it('gives the name signing off a message to its sender who shares a mapped given name', () => {
    const mail = 'From: Rowan Fielding <r@example.org>\nSubject: move\nShe has moved. Thanks, Rowan';
    expect(text(mail)).toBe('From: RF <r@example.org>\nSubject: move\nShe has moved. Thanks, RF');
  });

  it('keeps car models, record systems and clinical terms that look like names', () => {
    expect(text('LEFT IN VEHICLE (SILVER TOYOTA AVENSIS). Later sat in a silver Passat. Advised to bid on Locata.')).toBe(
      'LEFT IN VEHICLE (SILVER TOYOTA AVENSIS). Later sat in a silver Passat. Advised to bid on Locata.',
    );
    expect(text('No DA Read code added. Buddy strapped, fracture clinic.')).toBe('No DA Read code added. Buddy strapped, fracture clinic.');
    expect(text('NE Lincs MARAC; Childrens SC; NAViGO; conveyed to DPoW ED.')).toBe('NE Lincs MARAC; Childrens SC; NAViGO; conveyed to DPoW ED.');
  });
});

describe('someone else who shares a mapped name, written whole', () => {
  const caseMap = {
    people: [
      { name: 'Grant Mackenzie', initials: 'GM', aliases: ['Mack'], role: 'friend' as const, pseudonym: null, title: 'Mr' },
      { name: 'Kelly Hill', initials: 'KH', aliases: [], role: 'professional' as const, pseudonym: null, title: 'Ms' },
      { name: 'Summer Rose Wood', initials: 'SW', aliases: [], role: 'child' as const, pseudonym: null, title: null },
    ],
    terms: [],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials', { identifiers: () => [] });
  const text = (s: string, field?: 'professional'): string => an.text(s, field ? { field } : {}).text ?? '';

  it.each([
    // 'Grant' alone after Mark Grant could be either of them: initialled as written (§5.2)
    ['a given name before a mapped given name used as a surname', 'Met Mark Grant at the gym. Grant said hello.', 'Met MG at the gym. G said hello.'],
    ['a given name that is also a word before a mapped surname', 'the housing officer (Graham Hill), not Kelly Hill', 'the housing officer (GH), not KH'],
    ['a mapped given name before a surname that is also a town', 'Seen by Form tutor Miss Summer Hayes today.', 'Seen by Form tutor Miss SH today.'],
    ['a title of the other sex than the mapped person’s', 'Housing officer Mr Hill visited.', 'Housing officer Mr H visited.'],
    ['a mapped given name before a surname that is a place word', 'PC 2291 Grant Hill attended.', 'PC GH attended.'],
    ['a mapped season name after a rank and collar number, before someone else’s surname', 'PC 12206 Summer Clarke attended.', 'PC SC attended.'],
    ['an officer with a collar number who shares a mapped child’s surname', 'Sgt 209 D. Wood and PC 4410 Wood attended.', 'Sgt DW and PC W attended.'],
    ['a mapped professional after a rank and collar number', 'PC 3310 Kelly Hill took the call.', 'PC KH took the call.'],
    ['a rank before a mapped friend’s given name used as a surname', 'DS Grant reviewed the file.', 'DS G reviewed the file.'],
    ['a doctor’s title and an initial that fits the mapped child', 'Dr S. Wood saw her.', 'Dr SW saw her.'],
    ['a title of the other sex before a mapped given name', 'Ms Grant logged it.', 'Ms G logged it.'],
    ['a role and title before a mapped surname', 'Teacher Mrs Wood logged it; the DSL (Mrs Wood) rang.', 'Teacher Mrs W logged it; the DSL (Mrs W) rang.'],
    ['a mapped given name before a surname that is a word, in capitals', 'CALL FROM NEIGHBOUR GRANT WOOD REPORTING SHOUTING NEXT DOOR', 'CALL FROM NEIGHBOUR GW REPORTING SHOUTING NEXT DOOR'],
    ['a role word before a mapped given name', 'MW Summer and the triage nurse Grant saw her.', 'MW S and the triage nurse G saw her.'],
  ])('%s', (_what, input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it('takes a whole mapped name after a rank and collar number as the officer, not the mapped friend', () => {
    const r = an.text('Sgt 1450 Grant Mackenzie took the call.');
    expect(r.text).toBe('Sgt GM took the call.');
    const named = r.detections.filter((d) => d.text.includes('Grant'));
    expect(named.map((d) => d.kind)).toEqual(['person']);
    expect(r.unmapped).toEqual(['Sgt Grant Mackenzie']);
  });

  it('initials the whole name in the professional column', () => {
    expect(text('PC 2217 Mark Grant; PCSO 6034 Lisa Dale', 'professional')).toBe('PC MG; PCSO LD');
  });

  it('initials a name in capitals in the professional column, though its parts are words, with the collar number gone', () => {
    const withIds = createAnonymiser(caseMap, 'initials');
    expect(withIds.text('SGT 1450 BOB SMITH; MW GRACE OKAFOR; PC G3390 FRANK DUGUID', { field: 'professional' }).text).toBe('SGT BS; MW GO; PC FD');
  });

  it('keeps the mapped person when the title fits them', () => {
    expect(text('Ms Hill rang; Mr Grant and Mrs Wood too.')).toBe('Ms KH rang; Mr GM and Mrs SW too.');
  });
});

describe('a one-word name that someone else in the same text has too', () => {
  const caseMap = {
    people: [
      { name: 'Joy Asante', initials: 'JA', aliases: [], role: 'friend' as const, pseudonym: null, title: 'Ms' },
      { name: 'Ellis Kent', initials: 'EK', aliases: [], role: 'professional' as const, pseudonym: null, title: 'PC' },
      { name: 'Harpreet Gill', initials: 'HG', aliases: [], role: 'victim' as const, pseudonym: null, title: 'Ms' },
    ],
    terms: [],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials', { identifiers: () => [] });
  const run = (s: string): { text: string; shared: string[] } => {
    const r = an.text(s);
    return { text: r.text ?? '', shared: r.detections.filter((d) => d.shared).map((d) => d.replacement) };
  };

  it.each([
    ['a message signed by its unmapped sender who shares a mapped given name', 'From: Joy Ladipo\nSent: 19 October 2022\n\nHappy to step down.\n\nJoy', 'From: JL\nSent: 19 October 2022\n\nHappy to step down.\n\nJL'],
    ['a given name after an unmapped full name sharing it', 'Seen by nurse Joy Pilling. Joy gave advice.', 'Seen by nurse JP. J gave advice.'],
    ['a lone given name beside both full names', 'There were two: Joy Asante (friend) and Joy Ladipo (SW). Joy rang.', 'There were two: JA (friend) and JL (SW). J rang.'],
    ['a note that a professional is no relation', 'Harpreet (the HV) is no relation to the family.', 'H (the HV) is no relation to the family.'],
    ['a note that two people share a first name', 'The midwife shares the victim’s first name: "Harpreet to follow up" is the midwife.', 'The midwife shares the victim’s first name: "H to follow up" is the midwife.'],
    ['a rank of another calling than the mapped officer’s', 'SW Kent visited; PC Kent attended later.', 'SW K visited; PC K attended later.'],
    ['an agency, then the person who spoke for it in brackets', 'Present: CSC (Joy), Police (PC Kent).', 'Present: CSC (J), Police (PC EK).'],
  ])('%s', (_what, input, expected) => {
    const r = run(input);
    expect(r.text).toBe(expected);
  });

  it('flags a lone name it initialled as written for the chair, and keeps a whole mapped name the person’s', () => {
    const r = run('Joy Ladipo (SW) and Joy Asante (friend) spoke; Joy agreed.');
    expect(r.text).toBe('JL (SW) and JA (friend) spoke; J agreed.');
    expect(r.shared).toEqual(['J']);
  });

  it('keeps the mapped person’s initials for a lone name when nothing says someone else is meant', () => {
    expect(run('Joy rang the IDVA. Harpreet was at home.').text).toBe('JA rang the IDVA. HG was at home.');
  });

  it('ends an initialled name before a word that only opens a sentence', () => {
    expect(run('The manager is not related to D. No DA policy existed.').text).toBe('The manager is not related to D. No DA policy existed.');
  });
});

describe('word-names the text already showed to be the person', () => {
  const caseMap = {
    people: [
      { name: 'Pritpal Singh Bell', initials: 'PB', aliases: [], role: 'friend' as const, pseudonym: null, title: 'Mr' },
      { name: 'Lovely Reyes', initials: 'LR', aliases: [], role: 'victim' as const, pseudonym: null, title: 'Mrs' },
      { name: 'Aga Nowak', initials: 'AN', aliases: [], role: 'victim' as const, pseudonym: null, title: null },
      { name: 'Craig Webb', initials: 'CW', aliases: [], role: 'perpetrator' as const, pseudonym: null, title: null },
      { name: 'Dawn Prentice', initials: 'DP', aliases: [], role: 'friend' as const, pseudonym: null, title: null },
    ],
    terms: [],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials', { identifiers: () => [] });
  const text = (s: string, field?: 'names'): string => an.text(s, field ? { field } : {}).text ?? '';

  it('takes a word-surname in a capitals log that named the person in full', () => {
    expect(text('MALE LEFT TO STAY WITH FRIEND PRITPAL SINGH BELL. BELL SPOKEN TO BY PHONE.')).toBe('MALE LEFT TO STAY WITH FRIEND PB. PB SPOKEN TO BY PHONE.');
  });

  it('keeps the word after a preposition or an article in that log', () => {
    expect(text('CALLER DAWN PRENTICE REPORTS SHE SAW HIM AT DAWN NEAR THE BELL.')).toBe('CALLER DP REPORTS SHE SAW HIM AT DAWN NEAR THE BELL.');
  });

  it('takes a word-name after a relationship word though a phone number follows', () => {
    expect(text('Next of kin listed "wife Lovely 07700 900318".')).toBe('Next of kin listed "wife LR 07700 900318".');
  });

  it('takes a lower-case word-name listed with other names in a names column', () => {
    expect(text('caller, aga, craig', 'names')).toBe('caller, AN, CW');
  });
});

describe('found on the i-* dev cases: streets, grants, cars, counties and names that are places', () => {
  const caseMap = {
    people: [
      { name: 'Marcia Beverley Campbell', initials: 'MC', aliases: [], role: 'victim' as const, pseudonym: null, title: 'Ms' },
      { name: 'Wesley Ford', initials: 'WF', aliases: [], role: 'friend' as const, pseudonym: null, title: 'Mr' },
      { name: 'Tyrone Campbell', initials: 'TC', aliases: [], role: 'child' as const, pseudonym: null, title: null },
      { name: 'Maria Lourdes Grant', initials: 'MG', aliases: [], role: 'victim' as const, pseudonym: null, title: 'Mrs' },
      { name: 'Amber Lincoln', initials: 'AL', aliases: [], role: 'other' as const, pseudonym: null, title: 'Ms' },
      { name: 'Chen Li', initials: 'CL', aliases: ['Ivy'], role: 'victim' as const, pseudonym: null, title: 'Ms' },
    ],
    terms: [{ text: 'Saxon Ridge', aliases: [], label: '[street]' }],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials', { identifiers: () => [] });
  const text = (s: string): string => an.text(s).text ?? '';

  it.each([
    ['the house number with the family’s street', 'Discharged to 7 Saxon Ridge; address flat 3, 27 saxon ridge.', 'Discharged to [street]; address [street].'],
    ['a grant by name and a grant of leave', 'Disabled Facilities Grant not applicable. Grant of indefinite leave to remain. Mrs Grant agreed.', 'Disabled Facilities Grant not applicable. Grant of indefinite leave to remain. Mrs MG agreed.'],
    ['a car’s make before its model', 'He left in a white Ford Transit with Wesley Ford.', 'He left in a white Ford Transit with WF.'],
    ['a county after Co.', 'Her home town is Omagh, Co. Tyrone.', 'Her home town is Omagh, Co. Tyrone.'],
    ['a name that is a place, spoken to', 'She mentioned it to Tyrone on the first visit; he moved to Tyrone later.', 'She mentioned it to TC on the first visit; he moved to Tyrone later.'],
    ['a town before its CID', 'Previous occurrence (assault on Amber). Lincoln CID hold further intel.', 'Previous occurrence (assault on AL). Lincoln CID hold further intel.'],
    ['a word-name before a phone number', 'Emergency contact: "Ivy 07700 900515".', 'Emergency contact: "CL 07700 900515".'],
  ])('%s', (_what, input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it('reads Filipino words for family as words, not names', () => {
    const none = createAnonymiser({ people: [], terms: [], decisions: [] }, 'initials', { identifiers: () => [] });
    expect(none.text('Message: Ate Lou, Nanay is asking if you are coming home. Kuya says hi.').text).toBe('Message: Ate L, Nanay is asking if you are coming home. Kuya says hi.');
  });
});

describe('dates of birth in lists and minutes', () => {
  const caseMap = {
    people: [
      { name: 'Jade Santos', initials: 'JS', aliases: [], role: 'victim' as const, pseudonym: null, title: 'Ms' },
      { name: 'Grace Preston', initials: 'GP', aliases: [], role: 'friend' as const, pseudonym: null, title: 'Ms' },
      { name: 'Oliwia Wrobel', initials: 'OW', aliases: [], role: 'child' as const, pseudonym: null, title: null },
      { name: 'Julia Wrobel', initials: 'JW', aliases: [], role: 'child' as const, pseudonym: null, title: null },
    ],
    terms: [],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials');
  const text = (s: string): string => an.text(s).text ?? '';

  it.each([
    ['a child born recently, listed with an older sibling', 'CHILDREN: WROBEL O 22/05/2008, WROBEL J 03/11/2014. SUBJECT: MK.', 'CHILDREN: OW [date of birth], JW [date of birth]. SUBJECT: MK.'],
    ['after the map’s initials in minutes', 'Case 11. V JS (19/08/1994), child (2).', 'Case 11. V JS ([date of birth]), child (2).'],
    ['after dotted initials and a note in the same bracket', 'Associate H.D. (P’s brother, 21/12/1987) to be spoken to.', 'Associate H.D. (P’s brother, [date of birth]) to be spoken to.'],
  ])('%s', (_what, input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it('shows the chair a month and year of birth in prose, and replaces one in a record', () => {
    const r = an.text('Bonnie was born in October 2019. Born: March 1960.');
    expect(r.text).toBe('B was born in October 2019. Born: [date of birth].');
    expect(r.detections.find((d) => d.text === 'October 2019')?.confidence).toBeLessThan(0.5);
  });

  it('keeps a date after an agency’s initials that a mapped person shares', () => {
    expect(text('Seen at the GP (12/03/2022) for a review.')).toBe('Seen at the GP (12/03/2022) for a review.');
  });
});

describe('systems, operations, months and vans that look like names', () => {
  const caseMap = {
    people: [
      { name: 'Robin Stroud', initials: 'RS', aliases: [], role: 'professional' as const, pseudonym: null, title: null },
      { name: 'Precious Mensah', initials: 'PM', aliases: [], role: 'child' as const, pseudonym: null, title: null },
      { name: 'Jan Kowalski', initials: 'JK', aliases: [], role: 'perpetrator' as const, pseudonym: null, title: 'Mr' },
    ],
    terms: [],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials', { identifiers: () => [] });
  const text = (s: string): string => an.text(s).text ?? '';

  it.each([
    ['a police system that is also a given name', 'Essex Police — Athena investigation; Kent Police STORM / Athena; Athena OCC 46/128833/21.'],
    ['an operation’s code word', 'Greater Manchester Police — MIT, Op Robin; Operation Encompass notification.'],
    ['a fixed phrase', 'Closure summary reads: "Precious little evidence of ongoing risk."'],
    ['a month before a year or after a day', 'IDVA diary: Jan 2022 review, then 12 Jan.'],
    ['a van after its make', 'VEH AT ADDRESS: MERCEDES VITO, SILVER.'],
  ])('keeps %s', (_what, input) => {
    expect(text(input)).toBe(input);
  });

  it.each([
    ['fixed phrases that open with a name', 'Rich tea biscuits given. Grace period explained. Long lie on the floor. Close to giving up, she says.'],
    ['a festival', 'She came to the temple at Songkran and Loy Krathong.'],
    ['a court after a year', '1 conviction common assault 2010, Wolverhampton Magistrates’ Court.'],
    ['a place’s second word and a county listed with a county', 'Two friends, one from Hong Kong. Long experience shows it.'],
    ['a court in capitals', 'DA HISTORY: 2013 (ASSAULT BEAT, TEESSIDE MAGISTRATES’ COURT)'],
  ])('keeps %s', (_what, input) => {
    const all = createAnonymiser(
      { people: [
        { name: 'Rich Banks', initials: 'RB', aliases: [], role: 'friend', pseudonym: null, title: null },
        { name: 'Grace Kent', initials: 'GK', aliases: [], role: 'family', pseudonym: null, title: null },
        { name: 'Rebecca Long', initials: 'RL', aliases: [], role: 'other', pseudonym: null, title: null },
        { name: 'Heather Close', initials: 'HC', aliases: [], role: 'professional', pseudonym: null, title: null },
        { name: 'Kang Chen', initials: 'KC', aliases: [], role: 'friend', pseudonym: null, title: null },
      ], terms: [], decisions: [] },
      'initials',
    );
    expect(all.text(input).text).toBe(input);
  });

  it('still replaces the people of those names', () => {
    expect(text('Robin rang. Precious was at school. Jan attended.')).toBe('RS rang. PM was at school. JK attended.');
  });
});

describe('a word-name among people', () => {
  const caseMap = {
    people: [
      { name: 'Jade Okafor', initials: 'JO', aliases: [], role: 'child' as const, pseudonym: null, title: null },
      { name: 'Agnieszka Wrobel', initials: 'AW', aliases: ['Aga'], role: 'victim' as const, pseudonym: null, title: 'Ms' },
      { name: 'Mindaugas Kazlauskas', initials: 'MK', aliases: ['Kaz'], role: 'perpetrator' as const, pseudonym: null, title: 'Mr' },
    ],
    terms: [],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials', { identifiers: () => [] });
  const text = (s: string): string => an.text(s).text ?? '';

  it.each([
    ['joined to a relationship word', 'Home visit: mum, Jade and grandmother seen.', 'Home visit: mum, JO and grandmother seen.'],
    ['after a sex word in a log, before a place word', 'FEMALE JADE LIMITED ENGLISH, CRYING.', 'FEMALE JO LIMITED ENGLISH, CRYING.'],
    ['after WITH in a log', 'ARRIVED AT HER HOUSE 02:30 BAREFOOT WITH JADE.', 'ARRIVED AT HER HOUSE 02:30 BAREFOOT WITH JO.'],
    ['in lower case, listed with another lower-case name', 'caller says aga and kaz fighting again', 'caller says AW and MK fighting again'],
  ])('%s', (_what, input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it('keeps the word joined to a common noun, and a lower-case word listed with a capitalised name', () => {
    expect(text('Jade and marble ornaments broken. Kaz and an aga cooker.')).toBe('Jade and marble ornaments broken. MK and an aga cooker.');
  });
});

describe('families together, and logs pasted in lower case', () => {
  const caseMap = {
    people: [
      { name: 'Bridget Ward', initials: 'BW', aliases: ['Biddy'], role: 'victim' as const, pseudonym: null, title: 'Mrs' },
      { name: 'Maurice Ward', initials: 'MW', aliases: ['Mossie'], role: 'perpetrator' as const, pseudonym: null, title: 'Mr' },
      { name: 'Dean Marsh', initials: 'DM', aliases: [], role: 'family' as const, pseudonym: null, title: 'Mr' },
      { name: 'Joy Siriporn', initials: 'JS', aliases: [], role: 'victim' as const, pseudonym: null, title: 'Ms' },
      { name: 'Mark Lane', initials: 'ML', aliases: [], role: 'friend' as const, pseudonym: null, title: null },
    ],
    terms: [],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials', { identifiers: () => [] });
  const text = (s: string): string => an.text(s).text ?? '';

  it.each([
    ['a family by its surname in the plural, initialled as written', 'The Wards were always hard on her; the Wards said no.', 'The W were always hard on her; the W said no.'],
    ['a title before a word-surname, whatever verb follows', 'PSR: "Mr Ward describes his wife as a good woman."', 'PSR: "Mr MW describes his wife as a good woman."'],
    ['a surname before lads', 'Landlady said "them Marsh lads are trouble".', 'Landlady said "them DM lads are trouble".'],
    ['a word-name in a log with no capitals at all', 'caller dean marsh says joy next door screaming, mossie at the door', 'caller DM says JS next door screaming, MW at the door'],
    ['a word after an article in that log', 'caller says she has a red mark and a bruise', 'caller says she has a red mark and a bruise'],
    ['a word-name in a pasted log whose only capitals are a road', 'caller dean marsh says mossie is outside the block in his van, left towards the A49', 'caller DM says MW is outside the block in his van, left towards the A49'],
    ['a landmark named after its town keeps a mapped word; a village that is a word does not', 'A class trip to Plymouth Marsh. Send Dean to me in Łódź.', 'A class trip to Plymouth Marsh. Send DM to me in Łódź.'],
    ['places and a prison that hold a mapped name stay places', 'Walk by the River Ward to HMP Glenochil; a trip to the Isle of Marsh.', 'Walk by the River Ward to HMP Glenochil; a trip to the Isle of Marsh.'],
    ['a possessive without its apostrophe in a pasted chat', 'saw maurices car outside, hes at marshs', 'saw MW car outside, hes at DM'],
    ['a plural that is a word stays a word', 'two marks on her arm; the deans of both schools', 'two marks on her arm; the deans of both schools'],
  ])('%s', (_what, input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it('keeps a lower-case word-name where the text has capitals', () => {
    expect(text('Seen with joy by the Health Visitor; a mark on her arm.')).toBe('Seen with joy by the Health Visitor; a mark on her arm.');
  });
});

describe('names beside identifiers and in records written surname first', () => {
  const caseMap = {
    people: [
      { name: 'Oluwaseun Adebayo', initials: 'OA', aliases: [], role: 'perpetrator' as const, pseudonym: null, title: 'Mr' },
      { name: 'Declan Nwachukwu', initials: 'DN', aliases: [], role: 'friend' as const, pseudonym: null, title: 'Mr' },
    ],
    terms: [],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials');
  const text = (s: string): string => an.text(s).text ?? '';

  it('takes a custody record’s SURNAME/FORENAME as the person, whatever follows', () => {
    expect(text('Custody record: "ADEBAYO/OLUWASEUN OLAMIDE AKA ADEBAYO/SHAUN".')).toBe('Custody record: "OA OLAMIDE AKA OA/S".');
  });

  it('initials as written a middle name and surname (the father’s name where the middle name is his), and a mapped name with junior after it', () => {
    const family = createAnonymiser(
      { people: [
        { name: 'Hodan Abdi Warsame', initials: 'HW', aliases: [], role: 'friend', pseudonym: null, title: 'Ms' },
        { name: 'Raymond Little', initials: 'RL', aliases: ['Ray Little'], role: 'other', pseudonym: null, title: 'Mr' },
      ], terms: [], decisions: [] },
      'initials',
    );
    const r = family.text('Hodan Abdi Warsame said her father Abdi Warsame prayed. Ray Little junior drove; Ray Little paid.');
    expect(r.text).toBe('HW said her father AW prayed. RL junior drove; RL paid.');
    expect(r.detections.filter((d) => d.shared).map((d) => d.text)).toEqual(['Abdi Warsame', 'Ray Little']);
  });

  it('initials a whole name in the professional column when one part is a mapped name someone else may have', () => {
    const column = createAnonymiser(
      { people: [
        { name: 'Harpreet Gill', initials: 'HG', aliases: [], role: 'victim', pseudonym: null, title: 'Ms' },
        { name: 'Manjit Gill', initials: 'MG', aliases: [], role: 'family', pseudonym: null, title: 'Mr' },
      ], terms: [], decisions: [] },
      'initials',
    );
    expect(column.professional('SW Precious Adeyemi; manager Gill Hastings').text).toBe('SW PA; manager GH');
  });

  it('replaces a handle made of a mapped name, not a file’s name or dotted initials', () => {
    const chat = createAnonymiser({ people: [{ name: 'Joy Siriporn', initials: 'JS', aliases: [], role: 'victim', pseudonym: null, title: null }], terms: [], decisions: [] }, 'initials');
    expect(chat.text("Her LINE name is 'joy.siriporn'. [22:14] joy.siriporn: he is here. Saved as joy.report.docx; seen by J.S.").text).toBe(
      "Her LINE name is 'JS'. [22:14] JS: he is here. Saved as joy.report.docx; seen by J.S.",
    );
  });

  it('keeps the surname of a name whose initial is an identifier’s last letter', () => {
    expect(text('Payroll: NI SH 44 10 27 D. Nwachukwu her manager.')).toBe('Payroll: NI [NI number]. DN her manager.');
  });
});

describe('unmapped people after a title in an ALL-CAPS log', () => {
  const an = createAnonymiser({ people: [], terms: [], decisions: [] }, 'initials', { identifiers: () => [] });
  it.each([
    ['a surname that is also a word', 'NEIGHBOUR MR PRIEST REPORTS A MAN SHOUTING AT THE ADDRESS.', 'NEIGHBOUR MR P REPORTS A MAN SHOUTING AT THE ADDRESS.'],
    ['an initial and a surname', 'NEIGHBOUR MR G. PRIEST REPORTS A MAN SHOUTING AT THE ADDRESS.', 'NEIGHBOUR MR GP REPORTS A MAN SHOUTING AT THE ADDRESS.'],
    ['a given name that is also a word', '999 FROM NEIGHBOUR MRS PAT KINGHAM REPORTING SCREAMING NEXT DOOR.', '999 FROM NEIGHBOUR MRS PK REPORTING SCREAMING NEXT DOOR.'],
    ['a verb after a title and surname, though a surname too', 'NEIGHBOUR MR PRIEST RANG AGAIN', 'NEIGHBOUR MR P RANG AGAIN'],
    ['a verb after a given name, though a surname too', 'CALLER TRACEY RANG BACK. MOTHER TRACEY BELL NEE HARPER RANG', 'CALLER TB RANG BACK. MOTHER TB NEE H RANG'],
    ['a surname that is no verb after a given name', 'PATRICIA HALL ATTENDED', 'PH ATTENDED'],
  ])('%s', (_what, input, expected) => {
    expect(an.text(input).text).toBe(expected);
  });

  it('leaves a system name after a title in mixed text alone', () => {
    expect(an.text('Booking. Midwife DASH 11. Referred to IDVA.').text).toBe('Booking. Midwife DASH 11. Referred to IDVA.');
  });
});

describe('tree and bird words that are mapped given names', () => {
  const caseMap = {
    people: [{ name: 'Rowan Kirk', initials: 'RK', aliases: [], role: 'child' as const, pseudonym: null, title: null }],
    terms: [],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials', { identifiers: () => [] });
  it.each([
    ['lower case, alone: the tree', 'We planted the rowan tree.', 'We planted the rowan tree.'],
    ['capitalised: the child', 'Rowan was at school.', 'RK was at school.'],
    ['in an ALL-CAPS log with no cue: still the child', 'MALE ONLY DROPPED ROWAN BACK AT THE ADDRESS.', 'MALE ONLY DROPPED RK BACK AT THE ADDRESS.'],
    ['lower case after a quote, naming the plant', 'Chair: "rowan tree" is a plant.', 'Chair: "rowan tree" is a plant.'],
    ['lower case with no article, in a pasted log: the child', 'pt rowan seen', 'pt RK seen'],
    ['surname/given name in a police system extract', 'ASSOC: KIRK/ROWAN (SON)', 'ASSOC: RK (SON)'],
  ])('%s', (_what, input, expected) => {
    expect(an.text(input).text).toBe(expected);
  });
});

describe('found on an independently written case: words around names in Welsh, Gaelic and police shorthand', () => {
  const caseMap = {
    people: [
      { name: 'Calum Iain MacLeod', initials: 'CM', aliases: [], role: 'perpetrator' as const, pseudonym: null, title: 'Mr' },
      { name: 'Martin Ward', initials: 'MW', aliases: [], role: 'perpetrator' as const, pseudonym: null, title: 'Mr' },
      { name: 'Carys Chester', initials: 'CC', aliases: [], role: 'professional' as const, pseudonym: null, title: 'Dr' },
      { name: 'Heather Lincoln', initials: 'HL', aliases: [], role: 'professional' as const, pseudonym: null, title: 'Dr' },
      { name: 'Priya Wade', initials: 'PW', aliases: [], role: 'friend' as const, pseudonym: null, title: null },
    ],
    terms: [],
    decisions: [],
  };
  const an = createAnonymiser(caseMap, 'initials', { identifiers: () => [] });
  it.each([
    ['a lower-case letter after a surname is no initial', 'Mrs MacLeod c/o bruised ribs.', 'Mrs M c/o bruised ribs.'],
    ['a town that is a mapped surname, after a locative', 'Prior assault on an ex-partner in Chester 2016.', 'Prior assault on an ex-partner in Chester 2016.'],
    ['Welsh words opening with a capital', 'Letter in Welsh: "Mae Martin wedi newid." Case at Llys Ynadon Caernarfon.', 'Letter in Welsh: "Mae MW wedi newid." Case at Llys Ynadon Caernarfon.'],
    ['police shorthand in capitals', 'MALE CALUM MACLEOD INTOX. ARV DEPLOYED.', 'MALE CM INTOX. ARV DEPLOYED.'],
    ['a Gaelic word for a parent', 'Eilidh said she misses Dadaidh.', 'E said she misses Dadaidh.'],
    ['an ordinary word after a relationship cue', "Social work to update the Child's Plan.", "Social work to update the Child's Plan."],
    ['a compass word alone', 'Moved to the North of the city.', 'Moved to the North of the city.'],
    ['a surname in capitals after a mapped given name', 'CALLER HEATHER CLOUGH STATES', 'CALLER HC STATES'],
    ['a mapped given name that is a word, in capitals after MALE or with an age in a bracket, or taken', 'HOLDING CHILD (HEATHER, 2). MALE HEATHER STATES. HE HAS TAKEN HEATHER.', 'HOLDING CHILD (HL, 2). MALE HL STATES. HE HAS TAKEN HL.'],
    ['a mapped surname compromise knows as a given name, in lower case after an article', 'A short wade across; the wade was cold. caller wade rang', 'A short wade across; the wade was cold. caller PW rang'],
  ])('%s', (_what, input, expected) => {
    expect(an.text(input).text).toBe(expected);
  });
});

/** A person of a small map made for one test, and the names layer alone over that map. */
const someone = (name: string, initials: string, extra: Partial<Person> = {}): Person => ({ name, initials, aliases: [], role: 'family', pseudonym: null, title: null, ...extra });
const namesOf = (...people: Person[]): ((s: string) => string) => {
  const an = createAnonymiser({ people, terms: [], decisions: [] }, 'initials', { identifiers: () => [] });
  return (s) => an.text(s).text ?? '';
};

describe('misspelt names an author really writes', () => {
  const text = namesOf(someone('Grace Mei Tan', 'GT'), someone('Jean-Baptiste Ilunga Mwamba', 'JBM'));

  it.each([
    ['a word-name one letter out, capitalised', 'Greace rang the GP.', 'GT rang the GP.'],
    ['a hyphenated given name written as two words, the second misspelt', 'Seen with Jean Baptist at home.', 'Seen with JBM at home.'],
    ['a real name one letter from a word-name stays someone else’s', 'Seen by Dr Grice; a grace period was given.', 'Seen by Dr G; a grace period was given.'],
  ])('%s', (_what, input, expected) => {
    expect(text(input)).toBe(expected);
  });
});

describe('initials of the map that are also titles', () => {
  const an = createAnonymiser({ people: [someone('Dilshad Rashid', 'DR', { role: 'friend' }), someone('Pamela Carter', 'PC', { role: 'friend' })], terms: [], decisions: [] }, 'initials');

  it('keeps a title a title, so the name after it is still initialled', () => {
    expect(an.text('Dr Paterson and PC Wells attended; DR and PC seen.').text).toBe('Dr P and PC W attended; DR and PC seen.');
  });
});

describe('a double-barrelled name', () => {
  const text = namesOf(someone('Agnieszka Maria Wróblewska', 'AW', { aliases: ['Agnieszka Nowak'] }), someone('Osian Price', 'OP'), someone('Hope Field', 'HF'));

  it('of one person’s maiden and married names is that person, whole', () => {
    expect(text('Pt Agnieszka Nowak-Wróblewska seen; NOWAK-WROBLEWSKA A. on the list.')).toBe('Pt AW seen; AW A. on the list.');
  });

  it('of someone else is theirs, whole, though a piece is one letter from a mapped name', () => {
    expect(namesOf(someone('Kwame Ansa', 'KA'))('Dr Samuel Owusu-Ansah rang.')).toBe('Dr SOA rang.');
  });

  it('holding another person’s name part stays apart', () => {
    expect(text('Osian Nowak-Price on the roll.')).not.toContain('AW');
    expect(text('Colin Field-Hughes rang.')).not.toContain('HF');
  });
});

describe('a surname’s particle', () => {
  const text = namesOf(someone('Maria das Graças Sousa', 'MS', { title: 'Mrs' }));

  it('goes with the name it belongs to, so no particle is left beside the initials', () => {
    expect(text('Victim’s mother Maria das Graças in Brazil; Mrs das Graças Sousa rang.')).toBe('Victim’s mother MS in Brazil; Mrs GS rang.');
  });
});

describe('a grant when a Grant is mapped', () => {
  const text = namesOf(someone('Grant Alexander Bell', 'GB'));

  it('is the word after a fund or before what it pays for, in any case', () => {
    expect(text('Grant Bell applied: Fund grant for a new door; crisis grant refused; Grant of hardship fund declined.')).toBe('GB applied: Fund grant for a new door; crisis grant refused; Grant of hardship fund declined.');
  });
});
