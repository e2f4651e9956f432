// Unmapped person names in free text: titles, relationship cues, gazetteers, and the words that are never names.
import { describe, expect, it } from 'vitest';
import { detectPersonNames } from '../../../src/anonymise/names/person-names.js';

const names = (text: string): string[] =>
  detectPersonNames(text).filter((s) => s.confidence >= 0.5).map((s) => `${s.title ? `${s.title} ` : ''}${s.text}=${s.replacement}`);

describe('agencies, services and towns that are not people', () => {
  it.each([
    ['a service in brackets after an agency', 'CAMHS (Berkshire Healthcare) referral. Referral to CAMHS (Forward Thinking Birmingham).'],
    ['a crew that attended', 'Crew attended 22:10.'],
    ['a town after a locative, then a verb', 'Father in Birmingham told her to go back.'],
    ['a trust named for its region', 'IMRs came from North Cumbria Integrated Care NHS Foundation Trust.'],
    ['a compound word opening a sentence', 'Cross-border checks should be routine. Follow-up call booked.'],
    ['an international agency, a faith and a generational suffix', 'CONTACTED BY INTERPOL; the Islamic centre wrote.'],
    ['a community safety partnership', 'The review was commissioned by Safer Stockport, the Community Safety Partnership.'],
  ])('%s', (_what, input) => {
    expect(names(input)).toEqual([]);
  });
});

describe('detectPersonNames', () => {
  it.each([
    ['title + surname', 'PC Fraser attended.', ['PC Fraser=F']],
    ['title + initial + surname', 'Seen by Dr J Okafor.', ['Dr J Okafor=JO']],
    ['title spelt out', 'Doctor Okafor said', ['Doctor Okafor=O']],
    ['nurse', 'Nurse Bennett dressed the wound.', ['Nurse Bennett=B']],
    ['Mr and Mrs', 'Mr and Mrs Kowalski were present.', ['Mrs Kowalski=K']],
    ['collar number', 'PC 4471 Helen Fraser attended.', ['PC 4471 Helen Fraser=HF']],
    ['relationship cue', 'Her partner Gary was present.', ['Gary=G']],
    ['cue + full name', 'Her neighbour Tom Price called.', ['Tom Price=TP']],
    ['known as', 'He is known as Baz.', ['Baz=B']],
    ['cue with comma', 'Her son, Kyle, was at school.', ['Kyle=K']],
    ['first-name gazetteer + surname', 'Gary Whitfield attended the meeting.', ['Gary Whitfield=GW']],
    ['gazetteer first name at sentence start', 'Gary rang the police.', ['Gary=G']],
    ['two unknown capitalised words mid-sentence', 'She was visited by Kasia Nowak yesterday.', ['Kasia Nowak=KN']],
    ['possessive', 'Gary’s car was outside.', ['Gary=G']],
    ['hyphenated surname', 'Spoke to Mrs Smith-Jones today.', ['Mrs Smith-Jones=SJ']],
    ['split over a line', 'Attended with Gary\nWhitfield.', ['Gary\nWhitfield=GW']],
    ['a given name only compromise knows, then a surname', 'Support worker Keeley Odunsi called.', ['Keeley Odunsi=KO']],
    ['a surname that is a place word after a distinct first name', 'Seen by Gemma Ward.', ['Gemma Ward=GW']],
    ['an ALL-CAPS surname that is a word after a first name', 'CALLER DEBORAH HILL STATES MALE SHOUTING', ['DEBORAH HILL=DH']],
    ['a given name that is also a people’s name, before a surname', 'Interpreter Shona Mutasa attended.', ['Shona Mutasa=SM']],
    ['a name after a calling in lower case', 'Attends church; pastor Bode Ajayi gives a reference.', ['Bode Ajayi=BA']],
    ['a surname in capitals after a title in mixed text', 'Seen by Mr DEMIR today; the centre wrote.', ['Mr DEMIR=D']],
    ['a judge by her title', 'The trial judge, Mrs Justice Harrington, sentenced him.', ['Mrs Justice Harrington=H']],
    ['a Welsh name with ap', 'Seen by Dr Rhys ap Gwilym; Dr ap Gwilym asked directly.', ['Dr Rhys ap Gwilym=RG', 'Dr ap Gwilym=G']],
    ['a Portuguese name with dos', 'João dos Santos called; Mrs da Silva rang.', ['João dos Santos=JS', 'Mrs da Silva=S']],
    ['a name before a rank or role in brackets', 'Colm (PS) could not explain why. Gill (TM, CSC) agreed.', ['Colm=C', 'Gill=G']],
    ['who spoke for an agency in brackets', '(4) Housing (Ash) — priority homelessness.', ['Ash=A']],
    ['a surname that is also a town, doing what a person does', 'Offered an appointment. Wells e-mailed IDVA.', ['Wells=W']],
    ['a given name that is also a people’s language, doing what a person does', 'Shona replied the same day; spoke to Shona again.', ['Shona=S', 'Shona=S']],
    ['a given name that is also a town, doing what a person does', 'Hope rang the office. Preston attended.', ['Hope=H', 'Preston=P']],
    ['a tensed verb in capitals after a given name that is a surname too', 'CALLER TRACEY RANG BACK', ['TRACEY=T']],
    ['a pasted e-mail header', 'From: Lorna Quigley <l.quigley@example.org>\nTo: Dev Anand\nSubject: referral', ['Lorna Quigley=LQ', 'Dev Anand=DA']],
    ['the seeds’ own examples', 'Doctor Smith should be Doctor S, or Joe Bloggs should read JB.', ['Doctor Smith=S', 'Joe Bloggs=JB']],
  ])('%s', (_what, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    'The MARAC, MASH, MAPPA, IDVA, ISVA and CAMHS were informed.',
    'CPS, PNC and PPN checks; A&E attendance; GP letter; DASH risk assessment; DHR and IMR.',
    'Police, Probation, Housing and Social Care attended the strategy meeting.',
    'She was referred to the Freedom Programme and he to Caring Dads.',
    "A Clare's Law disclosure was made on Monday in January.",
    'Seen at the Hospital on Ward 5, Street Team informed.',
    'She was admitted to Victoria Ward overnight.',
    'The Multi-Agency Risk Assessment Conference and the Inter-Agency Safeguarding Hub met.',
    'Police in North Wales and in South Tyneside, Tyne and Wear, were told.',
    'The panel refers to work by Imkaan (2020) and Refuge (2019; 2021).',
    '9.3 The Ipswich MARAC steering group to provide interpreters.',
    'Housing was provided by Rochdale Boroughwide Housing.',
    '"Will you keep out of it," he said. May I ask why?',
    'STSFT - BadgerNet / Careflow record.',
    'From: MARAC Coordinator <marac@example.org>\nTo: HR Advice Line',
    'Adult A told Child B that Adult C had gone.',
    'ST said MR had left; GW and JB were present.',
    'Doctor O saw her. Mr MR and Dr PS. PC HF attended.',
    'Following this, Housing were told. However, Social Care declined.',
    'She moved to Darlington in May.',
    'She speaks Shona and English; a Shona interpreter was booked.',
  ])('finds no name in: %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('reports weaker candidates below 0.5 rather than dropping them', () => {
    const weak = detectPersonNames('She moved to Zorblax last year.').filter((s) => s.confidence < 0.5);
    expect(weak.map((s) => s.text)).toEqual(['Zorblax']);
    // recall first: an unknown capitalised word mid-sentence is taken for a name
    expect(detectPersonNames('She was seen by the Zorblax team lead.').map((s) => [s.text, s.confidence >= 0.5])).toEqual([['Zorblax', true]]);
  });

  it('skips excluded stretches and ignored words', () => {
    const text = 'Her partner Gary was present with Kelly.';
    expect(detectPersonNames(text, { exclude: (s) => s === text.indexOf('Gary') }).map((s) => s.text)).toEqual(['Kelly']);
    expect(detectPersonNames(text, { ignore: new Set(['kelly']) }).map((s) => s.text)).toEqual(['Gary']);
  });

  it('asks compromise only when told, at low confidence', () => {
    const text = 'Later the officer spoke with Will Smith about it.';
    const plain = detectPersonNames(text).map((s) => s.text);
    const withNlp = detectPersonNames(text, { nlp: true });
    expect(withNlp.length).toBeGreaterThanOrEqual(plain.length);
    for (const s of withNlp.filter((x) => !plain.includes(x.text))) expect(s.confidence).toBeLessThan(0.5);
  });

  it('keeps offsets right', () => {
    const text = 'Seen by Dr J Okafor.';
    const [s] = detectPersonNames(text);
    expect(s && text.slice(s.start, s.end)).toBe('J Okafor');
    expect(s?.parts).toEqual(['J', 'Okafor']);
  });

  it('does not run a title and an initial into the next sentence', () => {
    expect(detectPersonNames('Seen by Dr S. Asked her about safety at home.')).toEqual([]);
    expect(detectPersonNames('Seen by Dr J. Okafor on the ward.').map((x) => x.text)).toEqual(['J. Okafor']);
  });
});
