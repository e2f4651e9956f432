// The publication gate: surviving names and identifiers fail, doubtful things wait for the chair, the anonymiser's output passes.
import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../src/anonymise/anonymiser.js';
import { mapOfPeople, type CaseMap, type Decision } from '../../src/anonymise/types.js';
import { checkRedaction } from '../../src/redaction/redaction-check.js';
import { FAIL_CONFIDENCE, verdictOf } from '../../src/redaction/verdict.js';
import { paragraphSegments } from '../../src/redaction/segments.js';
import { CHRONOLOGY_TEXTS, PEOPLE, entry } from '../anonymise/fixtures.js';

const MAP = mapOfPeople(PEOPLE);
const check = (text: string, map: CaseMap = MAP, audience: 'chair' | 'reader' = 'chair') =>
  checkRedaction(paragraphSegments([text]), map, { audience });
const failing = (text: string) => check(text).findings.filter((f) => f.confidence >= FAIL_CONFIDENCE).map((f) => [f.kind, f.text]);
const withDecisions = (decisions: Decision[]): CaseMap => ({ ...MAP, decisions });

describe('checkRedaction', () => {
  it.each([
    ['a full name', 'ST met Sarah Thompson.', [['mapped-name', 'Sarah Thompson']]],
    ['an alias', 'Sazza rang.', [['mapped-name', 'Sazza']]],
    ['a lower-case first name', 'pt sarah seen', [['mapped-name', 'sarah']]],
    ['a surname without diacritics', 'Siobhan came', [['mapped-name', 'Siobhan']]],
    ['an ordinary-word name at the start of a sentence', 'Rose seen for a review.', [['mapped-name', 'Rose']]],
    ['an unmapped name', 'Her partner Gary was present.', [['person', 'Gary']]],
    ['a titled unmapped name', 'Seen by Dr J Okafor.', [['person', 'J Okafor']]],
    ['a phone number', 'Rang 07700 900123.', [['phone', '07700 900123']]],
  ])('fails on %s', (_what, text, expected) => {
    const r = check(text);
    expect(r.verdict).toBe('fail');
    expect(failing(text)).toEqual(expected);
  });

  it.each([
    'ST attended with MR. Dr PS noted a red mark on her neck.',
    'Adult A told Child C that Adult B had left. SO was present.',
    'The MARAC, the IDVA and Social Care met on Monday in May 2013 in Leeds, West Yorkshire.',
    'Doctor O saw her; PC HF and GW attended. A grace period was agreed.',
  ])('passes: %s', (text) => {
    const r = check(text);
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe('pass');
  });

  it('says review, never pass, while a doubtful finding is undecided; the chair decides it', () => {
    const text = 'They met at the Rose and Crown. Her employer is Ribbleside Logistics.';
    const r = check(text);
    expect(r.verdict).toBe('review');
    expect(r.findings.map((f) => [f.kind, f.text, f.decision])).toEqual([
      ['mapped-name', 'Rose', null],
      ['organisation', 'Ribbleside Logistics', null],
    ]);
    const decided = check(text, withDecisions([{ text: 'rose', decision: 'not-a-name', note: null }, { text: 'Ribbleside Logistics', decision: 'keep', note: null }]));
    expect(decided.findings.map((f) => f.decision)).toEqual(['not-a-name', 'keep']);
    expect(decided.verdict).toBe('pass');
  });

  it('fails on an undecided finding at or above 0.5 whatever else is decided', () => {
    expect(verdictOf([{ confidence: 0.9, decision: null }, { confidence: 0.3, decision: 'keep' }])).toBe('fail');
    expect(verdictOf([{ confidence: 0.9, decision: 'keep' }, { confidence: 0.3, decision: null }])).toBe('review');
    expect(verdictOf([{ confidence: 0.9, decision: 'keep' }])).toBe('pass');
    expect(verdictOf([])).toBe('pass');
  });

  it('says where each finding is, with its offsets in that paragraph', () => {
    const r = checkRedaction([{ where: 'entry e1 event', text: 'Rang Mark Reid.', field: 'text' }], MAP);
    expect(r.findings[0]).toMatchObject({ kind: 'mapped-name', where: 'entry e1 event', start: 5, end: 14, decision: null });
  });

  it('never tells a reader whether a name is in the map', () => {
    const mapped = check('Mark Reid rang.', MAP, 'reader').findings[0];
    const unmapped = check('Gary Whitfield rang.', MAP, 'reader').findings[0];
    expect(mapped?.kind).toBe('person');
    expect(unmapped?.kind).toBe('person');
    expect(mapped?.suggestion).toBe('Possibly a person\'s name: replace with MR.');
    expect(unmapped?.suggestion).toBe('Possibly a person\'s name: replace with GW.');
  });

  it('does not count the map’s pseudonyms or initials as names', () => {
    const people = PEOPLE.map((p, i) => (i === 0 ? { ...p, pseudonym: 'Kelly' } : p));
    expect(check('Kelly said she was afraid of MR.', mapOfPeople(people)).verdict).toBe('pass');
  });

  it('finds nothing at 0.5 or more in the anonymiser’s own output, in either mode', () => {
    for (const mode of ['initials', 'pseudonym'] as const) {
      const a = createAnonymiser(PEOPLE, mode);
      const segments = paragraphSegments(CHRONOLOGY_TEXTS.map((text) => a.text(text).text ?? ''));
      const e = a.entry(entry());
      segments.push({ where: 'entry e1 professional', text: e.professional ?? '', field: 'professional' });
      for (const f of ['source', 'contact', 'event', 'outcome', 'comment'] as const) segments.push({ where: `entry e1 ${f}`, text: e[f] ?? '', field: f === 'contact' ? 'names' : 'text' });
      const r = checkRedaction(segments, MAP);
      expect(r.findings.filter((f) => f.confidence >= FAIL_CONFIDENCE)).toEqual([]);
      expect(r.verdict).not.toBe('fail');
    }
    expect(checkRedaction(paragraphSegments(CHRONOLOGY_TEXTS), MAP).verdict).toBe('fail');
  });

  it('finds no person in a Scottish county, a programme, an administration or a region', () => {
    const text = "She lived in Falkirk, Stirlingshire. The Caledonian women's service and the Scottish Children's Reporter Administration took part, with Livewell Southwest.";
    expect(check(text).findings).toEqual([]);
  });

  it.each([
    ['a greeting before a name the anonymiser initialled', 'From: Rachel Hughes (DSL) <r.hughes@example.org>\nSent: 25/11/2019 08:51\nTo: keisha.brown@example.gov.uk\nSubject: Sarah and Mark REID\nHi Keisha, Grandma (Mrs Reid) collected both today.'],
    ['a house and a Welsh street in a log in capitals', 'OFFICERS ATTENDED BRYN AWEL, HEOL Y FELIN. FEMALE SARAH THOMPSON SEEN.'],
    ['initials and a date stamp in a file name', 'Attachment: MARAC_Thompson_Sarah_140219.pdf; photo IMG_Sarah_Thompson_20231225.jpg'],
    ['full initials that spell a word once the names beside them are initials', 'Subject: SAT - re-referral\nSarah Thompson and Mark Reid seen.'],
  ])('finds nothing at 0.5 or more in its own output: %s', (_what, text) => {
    const map = { ...MAP, people: [...MAP.people, { name: 'Sally Ann Trent', initials: 'ST2', aliases: [], role: 'family' as const, pseudonym: null, title: null }] };
    const out = createAnonymiser(map, 'initials').text(text).text ?? '';
    expect(checkRedaction(paragraphSegments([out]), map).findings.filter((f) => f.confidence >= FAIL_CONFIDENCE)).toEqual([]);
  });
});
