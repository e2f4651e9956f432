// A mapped person written as the initials of every name, as minutes write them (DESIGN §5.1).
import { describe, expect, it } from 'vitest';
import { createAnonymiser } from '../../../src/anonymise/anonymiser.js';
import type { Person } from '../../../src/anonymise/types.js';

const person = (name: string, initials: string, role: Person['role'] = 'family'): Person => ({ name, initials, aliases: [], role, pseudonym: null, title: null });

describe('full initials', () => {
  const map = {
    people: [
      person('Harpreet Kaur Gill', 'HG', 'victim'),
      person('Mehmet Ali Demir', 'MD', 'perpetrator'),
      person('Pearl Mei-Ling Wong', 'PW', 'victim'),
      person('Adam Sean Carter', 'AC'),
      person('Hamish Alasdair MacLeod', 'HM', 'perpetrator'),
      person('Aoife Máire Ní Bhriain', 'AB', 'victim'),
    ],
    terms: [],
    decisions: [],
  };
  const an = createAnonymiser(map, 'initials', { identifiers: () => [] });
  const text = (s: string): string => an.text(s).text ?? '';

  it.each([
    ['minutes that write every name’s initial', 'Case 7. V: HKG. P: MAD (perp). Present: SK (IDVA).', 'Case 7. V: HG. P: MD (perp). Present: SK (IDVA).'],
    ['a hyphenated given name as one letter', 'Child of PMW; PMW seen at home.', 'Child of PW; PW seen at home.'],
    ['an e-mail subject', 'Subject: HKG - re-referral', 'Subject: HG - re-referral'],
    ['a surname’s particle among the letters', 'DHR Newry — Adult N (AMNB) — panel only', 'DHR Newry — Adult N (AB) — panel only'],
  ])('%s', (_what, input, expected) => {
    expect(text(input)).toBe(expected);
  });

  it('keeps an English word in a log written in capitals, and an agency’s acronym', () => {
    expect(text('MALE WENT MAD AT OFFICERS, ASC INFORMED')).toBe('MALE WENT MAD AT OFFICERS, ASC INFORMED');
  });

  it('takes full initials that spell a word only among other initials of the map', () => {
    expect(text('V HG; P HAM; C PW')).toBe('V HG; P HM; C PW');
    expect(text('Ham sandwich; HAM and cheese on the menu.')).toBe('Ham sandwich; HAM and cheese on the menu.');
    expect(text('HG ATE HAM AND EGGS')).toBe('HG ATE HAM AND EGGS');
    expect(text('P: HAM (perp).')).toBe('P: HM (perp).');
  });

  it('leaves initials that two people share', () => {
    const twins = createAnonymiser({ people: [person('Anna Maria Lis', 'AL'), person('Adam Marek Lis', 'AL2')], terms: [], decisions: [] }, 'initials', { identifiers: () => [] });
    expect(twins.text('V: AML seen.').text).toBe('V: AML seen.');
  });
});
