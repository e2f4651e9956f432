// The publication gate: surviving names and identifiers fail; the anonymiser's own output passes.
import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../src/anonymise/anonymiser.js';
import { checkRedaction, FAIL_CONFIDENCE } from '../../src/redaction/redaction-check.js';
import { CHRONOLOGY_TEXTS, PEOPLE, entry } from '../anonymise/fixtures.js';

const check = (text: string) => checkRedaction([{ where: 'paragraph 1', text }], PEOPLE);
const kinds = (text: string) => check(text).findings.filter((f) => f.confidence >= FAIL_CONFIDENCE).map((f) => [f.kind, f.text]);

describe('checkRedaction', () => {
  it.each([
    ['a full name', 'ST met Sarah Thompson.', [['mapped-name', 'Sarah Thompson']]],
    ['an alias', 'Sazza rang.', [['mapped-name', 'Sazza']]],
    ['a lower-case first name', 'pt sarah seen', [['mapped-name', 'sarah']]],
    ['a surname without diacritics', 'Siobhan came', [['mapped-name', 'Siobhan']]],
    ['an ordinary-word name in context', 'Mark said he left.', [['mapped-name', 'Mark']]],
    ['an unmapped name', 'Her partner Gary was present.', [['person', 'Gary']]],
    ['a titled unmapped name', 'Seen by Dr J Okafor.', [['person', 'Dr J Okafor']]],
    ['a phone number', 'Rang 07700 900123.', [['phone', '07700 900123']]],
  ])('fails on %s', (_what, text, expected) => {
    const r = check(text);
    expect(r.verdict).toBe('fail');
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    'ST attended with MR. Dr PS noted a red mark on her neck.',
    'Adult A told Child C that Adult B had left. SO was present.',
    'The MARAC, the IDVA and Social Care met on Monday in May 2013.',
    'Doctor O saw her; PC HF and GW attended. A grace period was agreed.',
  ])('passes: %s', (text) => {
    const r = check(text);
    expect(r.verdict).toBe('pass');
    expect(r.findings.filter((f) => f.confidence >= FAIL_CONFIDENCE)).toEqual([]);
  });

  it('lists doubtful things below the failing confidence', () => {
    const r = check('She moved to Rose Cottage near the Zorblax estate.');
    expect(r.findings.every((f) => f.confidence < FAIL_CONFIDENCE || f.kind === 'address')).toBe(true);
  });

  it('says where each finding is, and suggests without naming anyone else', () => {
    const r = checkRedaction([{ where: 'entry e1 event', text: 'Mark Reid rang.' }], PEOPLE);
    expect(r.findings[0]).toMatchObject({ kind: 'mapped-name', where: 'entry e1 event', confidence: 1 });
    expect(r.findings[0]?.suggestion).not.toMatch(/MR|Sarah|Reid/);
  });

  it('does not count the map’s pseudonyms as names', () => {
    const people = PEOPLE.map((p, i) => (i === 0 ? { ...p, pseudonym: 'Kelly' } : p));
    expect(checkRedaction([{ where: 'p', text: 'Kelly said she was afraid.' }], people).verdict).toBe('pass');
  });

  it('passes the anonymiser’s own output on realistic chronology text', () => {
    const a = createAnonymiser(PEOPLE, 'initials');
    const segments = CHRONOLOGY_TEXTS.map((text, i) => ({ where: `paragraph ${i + 1}`, text: a.text(text).text ?? '' }));
    const e = a.entry(entry());
    for (const f of ['source', 'professional', 'contact', 'event', 'outcome', 'comment'] as const) {
      segments.push({ where: `entry e1 ${f}`, text: e[f] ?? '' });
    }
    const r = checkRedaction(segments, PEOPLE);
    expect(r.findings.filter((f) => f.confidence >= FAIL_CONFIDENCE)).toEqual([]);
    expect(r.verdict).toBe('pass');
    const before = checkRedaction(CHRONOLOGY_TEXTS.map((text) => ({ where: 'p', text })), PEOPLE);
    expect(before.verdict).toBe('fail');
  });

  it('passes pseudonym-mode output too', () => {
    const a = createAnonymiser(PEOPLE, 'pseudonym');
    const segments = CHRONOLOGY_TEXTS.map((text) => ({ where: 'p', text: a.text(text).text ?? '' }));
    expect(checkRedaction(segments, PEOPLE).verdict).toBe('pass');
  });
});
