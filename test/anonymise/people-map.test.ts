// The pseudonym map: initials filled in, collisions refused with a suggestion, unsafe pseudonyms refused.
import { describe, expect, it } from 'vitest';
import { validatePeopleMap } from '../../src/anonymise/people-map.js';
import { PersonInputSchema } from '../../src/anonymise/people-schema.js';
import type { PersonInput } from '../../src/anonymise/people-schema.js';

const victim: PersonInput = { name: 'Sarah Thompson', role: 'victim', aliases: ['Sazza', ' Sarah Jones '] };
const perpetrator: PersonInput = { name: 'Mark James Reid', role: 'perpetrator' };

describe('validatePeopleMap', () => {
  it('fills in initials and defaults', () => {
    const r = validatePeopleMap([victim, perpetrator]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.people.map((p) => p.initials)).toEqual(['ST', 'MR']);
    expect(r.people[0]).toMatchObject({ aliases: ['Sazza', 'Sarah Jones'], pseudonym: null, title: null });
  });

  it('keeps initials the chair set', () => {
    const r = validatePeopleMap([{ ...victim, initials: 'AA' }]);
    expect(r.ok && r.people[0]?.initials).toBe('AA');
  });

  it('refuses two people with the same initials, suggesting the middle-initial form', () => {
    const r = validatePeopleMap([{ name: 'Michael Ross', role: 'family' }, perpetrator]);
    expect(r).toMatchObject({ ok: false, error: 'initials_collision', person: 1, suggestion: 'MJR' });
  });

  it('suggests a numbered form when there is no middle name', () => {
    const r = validatePeopleMap([perpetrator, { name: 'Michael Ross', role: 'family' }]);
    expect(r).toMatchObject({ ok: false, error: 'initials_collision', person: 1, suggestion: 'MR2' });
  });

  it('accepts the suggestion', () => {
    const r = validatePeopleMap([perpetrator, { name: 'Michael Ross', role: 'family', initials: 'MR2' }]);
    expect(r.ok).toBe(true);
  });

  it('refuses initials that already mean something in a chronology (GP, HV)', () => {
    const r = validatePeopleMap([{ name: 'Gary Pike', role: 'perpetrator' }]);
    expect(r).toMatchObject({ ok: false, error: 'initials_collision', person: 0, suggestion: 'GP2' });
  });

  it('refuses the same person twice', () => {
    const r = validatePeopleMap([victim, { name: 'sarah  THOMPSON', role: 'family' }]);
    expect(r).toMatchObject({ ok: false, error: 'duplicate_person', person: 1 });
  });

  it.each([
    ['Adult A', true],
    ['Child B2', true],
    ['Rose', true],
    ['Grace', true],
    ['Table', false],
    ['Police', false],
    ['Sarah', false],
    ['Mark', false],
    ['Reid', false],
    ['Sazza', false],
    ['Jones', false],
    ['MR', false],
  ])('pseudonym %s for the victim → accepted %s', (pseudonym, accepted) => {
    const r = validatePeopleMap([{ ...victim, pseudonym }, perpetrator]);
    expect(r.ok).toBe(accepted);
    if (!r.ok) expect(r.error).toBe('invalid_pseudonym');
  });

  it('refuses a pseudonym another person already has', () => {
    const r = validatePeopleMap([{ ...victim, pseudonym: 'Adult A' }, { ...perpetrator, pseudonym: 'adult a' }]);
    expect(r).toMatchObject({ ok: false, error: 'invalid_pseudonym', person: 1 });
  });

  it("never echoes another person's real name in a message", () => {
    const results = [
      validatePeopleMap([victim, { ...perpetrator, pseudonym: 'Sarah' }]),
      validatePeopleMap([victim, { name: 'Sam Taylor', role: 'family' }]),
      validatePeopleMap([victim, { name: 'Sarah Thompson', role: 'family' }]),
    ];
    for (const r of results) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).not.toMatch(/Thompson|Sazza|Reid|Taylor/);
    }
  });
});

describe('PersonInputSchema', () => {
  it('accepts a full person and rejects bad initials and roles', () => {
    expect(PersonInputSchema.safeParse({ name: 'Sarah Thompson', role: 'victim', initials: 'ST', pseudonym: 'Adult A', title: 'Mrs', aliases: ['Sazza'] }).success).toBe(true);
    expect(PersonInputSchema.safeParse({ name: 'Sarah Thompson', role: 'victim', initials: 'st' }).success).toBe(false);
    expect(PersonInputSchema.safeParse({ name: 'Sarah Thompson', role: 'victim', initials: 'ABCDE' }).success).toBe(false);
    expect(PersonInputSchema.safeParse({ name: 'Sarah Thompson', role: 'neighbour' }).success).toBe(false);
    expect(PersonInputSchema.safeParse({ name: '', role: 'victim' }).success).toBe(false);
  });
});
