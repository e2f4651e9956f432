// Initials proposed from a full name: particles, hyphens, diacritics, titles and middle names.
import { describe, expect, it } from 'vitest';
import { initialsWithMiddles, proposeInitials, splitName } from '../../../src/anonymise/names/initials.js';

describe('proposeInitials', () => {
  it.each([
    ['Sarah Thompson', 'ST'],
    ['Mark James Reid', 'MR'],
    ['Siobhán Ní Bhriain', 'SB'],
    ['Jan van der Berg', 'JB'],
    ['Ludwig von Mises', 'LM'],
    ['Maria da Silva', 'MS'],
    ['Sarah Smith-Jones', 'SSJ'],
    ['Anne-Marie Smith', 'AMS'],
    ["Aoife O'Brien", 'AO'],
    ['Ólafur Arnalds', 'OA'],
    ['Łukasz Żuk', 'LZ'],
    ['Dr Priya Sharma', 'PS'],
    ['Madonna', 'M'],
    ['  gary   whitfield ', 'GW'],
    ['Tom Jones Jr', 'TJ'],
    ['Иван Петров', 'X'],
  ])('%s → %s', (name, expected) => {
    expect(proposeInitials(name)).toBe(expected);
  });

  it('uses middle names only for the collision form', () => {
    expect(initialsWithMiddles('Mark James Reid')).toBe('MJR');
    expect(initialsWithMiddles('Sarah Thompson')).toBe('ST');
  });

  it('keeps particles in the surname group for matching', () => {
    expect(splitName('Jan van der Berg')).toEqual({ first: 'Jan', middles: [], surname: 'van der Berg', surnameCore: 'Berg' });
    expect(splitName('Mark James Reid')).toEqual({ first: 'Mark', middles: ['James'], surname: 'Reid', surnameCore: 'Reid' });
  });
});
