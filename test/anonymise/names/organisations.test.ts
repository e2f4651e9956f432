// Organisation-like names not in the map: findings for the chair (DESIGN §5.5), never people, never public bodies.
import { describe, expect, it } from 'vitest';
import { detectOrganisations } from '../../../src/anonymise/names/organisations.js';

const orgs = (text: string): string[] => detectOrganisations(text).map((o) => o.text);

describe('detectOrganisations', () => {
  it.each([
    ['an employer by its last word', 'Employer HR file - Brightways Homecare', ['Brightways Homecare']],
    ['a firm of solicitors', 'Letter from Malik & Co Solicitors ref MC/NA/2287.', ['Malik & Co']],
    ['a law firm', 'Solicitor appointment booked with Mayfield Law.', ['Mayfield Law']],
    ['a market and an inn in a log in capitals', 'THREATS AT MOOR MARKET BY MALE. LEFT THE CLACHNAHARRY INN', ['MOOR MARKET', 'CLACHNAHARRY INN']],
    ['a name in capitals after a sentence end', 'NOT AT HOME. OFFICERS ATT KESARI FOODS.', ['KESARI FOODS']],
    ['a pub named as pubs are', 'He threatened him at The Horse and Jockey, Rhos.', ['The Horse and Jockey']],
    ['a name, then what it is', 'Offender arrested at The Corporation pub on Freeman Street.', ['The Corporation']],
    ['a Welsh school by its first word', 'Ysgol Gyfun Penrhyn Gŵyr - MyConcern', ['Ysgol Gyfun Penrhyn Gŵyr']],
    ['a church and its chaplaincy', 'Mass at Our Lady and St Joseph (Filipino Chaplaincy).', ['Our Lady and St Joseph', 'Filipino Chaplaincy']],
  ])('finds %s', (_what, input, expected) => {
    expect(orgs(input)).toEqual(expected);
  });

  it.each([
    ['a community safety partnership', 'Commissioned by the Wrexham Community Safety Partnership.'],
    ['a law named after a victim', 'The Domestic Violence Disclosure Scheme (Clare’s Law) was not used.'],
    ['a kind of church or school', 'Members of a Pentecostal church; a Polish Saturday school wrote to us.'],
    ['a longer public name', 'The Child and Family Court Advisory and Support Service (Cafcass) reported.'],
    ['a town’s housing company', 'Stockport Homes provided an IMR.'],
    ['a person’s school', 'Joy’s nursery raised concerns; Kojo’s school attendance was 80%.'],
    ['a street and its depot', 'Marsh Lane depot; Lincoln Road depot.'],
    ['how little English someone speaks', 'VICTIM NOOR HUSSAIN LIMITED ENGLISH.'],
    ['a Welsh word for a kind of school', 'Dylan’s nursery, Ysgol Feithrin, was told.'],
  ])('keeps %s', (_what, input) => {
    expect(orgs(input)).toEqual([]);
  });
});
