// Table tests for the identifier detectors: what each kind catches, what it leaves alone, and overlap rules.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { detectIdentifiers } from '../../../src/anonymise/identifiers/identifiers.js';
import { isValidNhsNumber } from '../../../src/anonymise/identifiers/detect-nhs.js';
import type { FindingKind } from '../../../src/anonymise/types.js';

/** The [kind, text] pairs found in a sentence, in order. */
function found(text: string): Array<[FindingKind, string]> {
  return detectIdentifiers(text).map((s) => [s.kind, s.text]);
}

type Positive = [sentence: string, kind: FindingKind, expected: string];

const positives: Positive[] = [
  // phone: libphonenumber-js and the loose UK pattern for Ofcom drama ranges
  ['Victim called from 07700 900123 at 17:00.', 'phone', '07700 900123'],
  ['Landline 0113 496 0000 recorded on the referral.', 'phone', '0113 496 0000'],
  ['Contact number 020 7946 0000 given.', 'phone', '020 7946 0000'],
  ['Mobile +44 7700 900123 was switched off.', 'phone', '+44 7700 900123'],
  ['Home phone (0161) 496 0123.', 'phone', '(0161) 496 0123'],
  ['Texts received from 07700900456.', 'phone', '07700900456'],
  ['Rang 0117-496-0789 twice.', 'phone', '0117-496-0789'],
  ['Number given as +44 (0)7700 900987.', 'phone', '+44 (0)7700 900987'],
  ['Called 01632 960123 (fictional range).', 'phone', '01632 960123'],
  ['Her sister in Poland on +48 512 345 678.', 'phone', '+48 512 345 678'],
  // email
  ['Emailed sarah.thompson84@example.com.', 'email', 'sarah.thompson84@example.com'],
  ['Address kasia_w@example.co.uk given to IDVA.', 'email', 'kasia_w@example.co.uk'],
  ['Sent to j.okafor (at) example.org.', 'email', 'j.okafor (at) example.org'],
  // postcode: full ones always
  ['Moved to M14 5RT in May.', 'postcode', 'M14 5RT'],
  ['Refuge at SW1A 1AA.', 'postcode', 'SW1A 1AA'],
  ['postcode given as m14 5rt.', 'postcode', 'm14 5rt'],
  ['Registered at M145RT.', 'postcode', 'M145RT'],
  ['Lives at LS6 2AB with her mother.', 'postcode', 'LS6 2AB'],
  // postcode: outward code alone only with a place cue
  ['Family moved to LS6 in 2012.', 'postcode', 'LS6'],
  ['Seen in the M14 area by patrol.', 'postcode', 'M14'],
  ['Postcode M14 only recorded.', 'postcode', 'M14'],
  // NHS number
  ['NHS number 943 476 5919 confirmed.', 'nhs-number', '943 476 5919'],
  ['Patient 9434765919 booked.', 'nhs-number', '9434765919'],
  ['NHS no. 401-023-2137.', 'nhs-number', '401-023-2137'],
  ['NHS number 943 476 5918 (typed wrong, still personal).', 'nhs-number', '943 476 5918'],
  // NI number
  ['NI number JG 10 37 29 B on the claim.', 'ni-number', 'JG 10 37 29 B'],
  ['National Insurance AB123456C.', 'ni-number', 'AB123456C'],
  ['Benefit claim under NR 12 34 56 A.', 'ni-number', 'NR 12 34 56 A'],
  ['NI no: QQ 12 34 56 C (example prefix, but the text says NI).', 'ni-number', 'QQ 12 34 56 C'],
  ['NINO ab123456c', 'ni-number', 'ab123456c'],
  // vehicle
  ['She was seen in a silver Ford Fiesta AB12 CDE.', 'vehicle', 'AB12 CDE'],
  ['ANPR hit on YX63 KLM near the refuge.', 'vehicle', 'YX63 KLM'],
  ['Perpetrator left in MA13 XYZ at speed.', 'vehicle', 'MA13 XYZ'],
  ['Vauxhall Corsa P123 ABC parked outside.', 'vehicle', 'P123 ABC'],
  ['Old car, reg ABC 123D, untaxed.', 'vehicle', 'ABC 123D'],
  ['VRM: 1234 AB checked on PNC.', 'vehicle', '1234 AB'],
  ['Registration number yx63klm given by neighbour.', 'vehicle', 'yx63klm'],
  // date of birth
  ['Adult A, DOB 12/03/1985, was the victim.', 'date-of-birth', '12/03/1985'],
  ['Child B was born 12 March 2010.', 'date-of-birth', '12 March 2010'],
  ['D.O.B. 01.03.85 on the GP record.', 'date-of-birth', '01.03.85'],
  ['Date of birth: 1985-03-12.', 'date-of-birth', '1985-03-12'],
  ['Referral for Adult B, aged 34 (12/03/1979).', 'date-of-birth', '12/03/1979'],
  ['He was born in Leeds on 4th June 1980.', 'date-of-birth', '4th June 1980'],
  ['DOB March 1985 only.', 'date-of-birth', 'March 1985'],
  ['Mrs Adebayo (b. 1962) is the grandmother.', 'date-of-birth', 'b. 1962'],
  ['Gary Smith (born 1990) was arrested.', 'date-of-birth', '1990'],
  ['KRK return: Tomasz W. ur. 07.07.1988, conviction 2016.', 'date-of-birth', '07.07.1988'],
  ['Lloyds sort 30-96-12 a/c 31927584 held by him.', 'reference', '30-96-12 a/c 31927584'],
  ['Lloyds sort 30-96-12 a/c held by him.', 'reference', '30-96-12'],
  ['INTERPRETER ID LL 40771 BOOKED', 'reference', 'LL 40771'],
  ['Hospital number RL4 0837765 on the wristband.', 'reference', 'RL4 0837765'],
  ['Outcome: WMP 0194 190621 closed.', 'reference', 'WMP 0194 190621'],
  ['HKID Y694213(5) seen at the interview.', 'reference', 'Y694213(5)'],
  ['Crime CRIS 3019874/17 recorded.', 'reference', '3019874/17'],
  ['Wages paid to joint account sort code 30-96-12 acc 21457789.', 'reference', '30-96-12 acc 21457789'],
  ['£14,200 to the car wash account 40-11-62 / 71203348.', 'reference', '40-11-62 / 71203348'],
  ['11/04/2020 Log 1905. Neighbour reports shouting.', 'reference', '1905'],
  ['CCS 0412 06/04/2019 01:22. Caller the site warden.', 'reference', '0412'],
  ['Con 5530 Hamilton attended.', 'reference', '5530'],
  ['Co-director, Companies House no. 13448201.', 'reference', '13448201'],
  ['PRIOR: 2016 DRINK DRIVE LKZ 1184', 'vehicle', 'LKZ 1184'],
  ['His Ukrainian plate car AX 4417 KH is registered there.', 'vehicle', 'AX 4417 KH'],
  ['Hosts Grace and Nigel, Wren Cottage, Rock Lane, Hastings TN35 4JR.', 'address', 'Wren Cottage, Rock Lane, Hastings'],
  ['Man and woman arguing on the canal banks behind Bramble Croft.', 'address', 'Bramble Croft'],
  ['P works at the car wash, Stourbridge Rd, most days.', 'address', 'Stourbridge Rd'],
  ['ADDR CHALET 2, SLEMISH VIEW / ASSOC: none', 'address', 'CHALET 2, SLEMISH VIEW'],
  ['999 silent call. Cell site Hartlepool TS25 only.', 'postcode', 'TS25'],
  // reference
  ['Crime ref 12345678 created.', 'reference', '12345678'],
  ['Recorded under crime number CRI/12345/13.', 'reference', 'CRI/12345/13'],
  ['See incident 1234 of 12/03/2013.', 'reference', '1234 of 12/03/2013'],
  ['Log number 0567 closed.', 'reference', '0567'],
  ['Court case no. 2013/456 listed.', 'reference', '2013/456'],
  ['URN 12AB3456713 charged.', 'reference', '12AB3456713'],
  ['PNC ID 13/123456X checked.', 'reference', '13/123456X'],
  ['MARAC ref M-2013-045 heard.', 'reference', 'M-2013-045'],
  ['Hospital number K123456 on the wristband.', 'reference', 'K123456'],
  ['MRN 1234567 noted.', 'reference', '1234567'],
  ['CAD 1234 raised by call handler.', 'reference', '1234'],
  ['Ref: HOU/2013/0042 homelessness application.', 'reference', 'HOU/2013/0042'],
  ['Letter quoted CRI/67890/14 without a cue.', 'reference', 'CRI/67890/14'],
  ['PC 4471 Helen Fraser attended.', 'reference', '4471'],
  ['DS 2231 reviewed the DASH.', 'reference', '2231'],
  // address
  ['Police attended 14 Acacia Avenue.', 'address', '14 Acacia Avenue'],
  ['She moved to 3 Mill Lane.', 'address', '3 Mill Lane'],
  ['Visit to Flat 3, 22 High Street.', 'address', 'Flat 3, 22 High Street'],
  ['Tenancy for Flat 3 signed.', 'address', 'Flat 3'],
  ['Apartment 5B was the new tenancy.', 'address', 'Apartment 5B'],
  ['Lived at Rose Cottage until 2011.', 'address', 'Rose Cottage'],
  ['She was staying at The Willows.', 'address', 'The Willows'],
  ['home visit to 3 mill lane.', 'address', '3 mill lane'],
  ['VEH SV19KXT ADDR CRAIGMHOR 4 BAY VIEW AB21 9XP', 'address', 'CRAIGMHOR 4 BAY VIEW'],
  ['She now lives at Rosebank, 12 Shore Road.', 'address', 'Rosebank, 12 Shore Road'],
  ['Threats made at 12a St John’s Road.', 'address', '12a St John’s Road'],
  ['Address is Flat 12, Oak House.', 'address', 'Flat 12, Oak House'],
  ['She lives on Acacia Avenue with the children.', 'address', 'Acacia Avenue'],
  // a postcode district after the street belongs to the address
  ['ATTENDED 41 WOODSIDE CLOSE SE19 RE NOISE.', 'address', '41 WOODSIDE CLOSE SE19'],
  // log numbers with no cue, cue words seen in force and court records
  ['Raised on the call system 0412 of 02/05/2021 (graded P2).', 'reference', '0412 of 02/05/2021'],
  ['STORM INC 0815 ON THE DAY.', 'reference', '0815'],
  ['His phone was kept as exhibit KT/7 by the OIC.', 'reference', 'KT/7'],
  ['Connect 31170422-0089 opened.', 'reference', '31170422-0089'],
  ['Suffolk IDVA - client KLM-5521-R (re-opened)', 'reference', 'KLM-5521-R'],
  ['Agency worker file GF-AW-0773 on the HR system.', 'reference', 'GF-AW-0773'],
  ['She lives at 2 Church Lane Cottages with the children.', 'address', '2 Church Lane Cottages'],
  // plates from abroad, near a vehicle word
  ['Portuguese plate 12-AB-34 seen on ANPR.', 'vehicle', '12-AB-34'],
  ['French vehicle FR-123-AB parked.', 'vehicle', 'FR-123-AB'],
  ['DRIVES PORTUGUESE-PLATED 45-TR-18 AT NIGHT.', 'vehicle', '45-TR-18'],
  ['Car seen: LT HRT 512 (Lithuanian plates).', 'vehicle', 'LT HRT 512'],
  ['Also noted Polish-plated car WGM 48212 at the address.', 'vehicle', 'WGM 48212'],
  // a date of birth run together in a system extract; a phone grouped as phones are, a digit too long
  ['AKHTAR/IMRAN  DOB 17091987  PNCID 19/0223145K', 'date-of-birth', '17091987'],
  ['rang back from work number 01642 496 0733: scared', 'phone', '01642 496 0733'],
  // a house name between a flat and its street is one address
  ['Lives at Flat 4, The Old Forge, Marton Road now.', 'address', 'Flat 4, The Old Forge, Marton Road'],
  // a flat word before a numbered street with no comma is part of the address
  ['ADDRESSES: FLAT 6 ETON COURT CORPORATION ROAD NP19 0AU (BAIL)', 'address', 'FLAT 6 ETON COURT CORPORATION ROAD'],
  ['Moved into flat 3 Kestrel Court Union Street last year.', 'address', 'flat 3 Kestrel Court Union Street'],
  // the town between a street and its postcode is part of the written address
  ['ADDR 23 LEAVESDEN RD WATFORD WD24 5DQ VEH KX65LUO', 'address', '23 LEAVESDEN RD WATFORD'],
  ['I live at 14 Shady Side with the kids.', 'address', '14 Shady Side'],
  ['The street Marsh Lane is the family’s 2021 address.', 'address', 'Marsh Lane'],
  // Police Scotland collar numbers carry a letter; plates from Ireland, India and Nigeria near a vehicle word
  ['PC G1133 Calum Ross attended.', 'reference', 'G1133'],
  ['VEH YX16ODK, 161D4471 (IRL)', 'vehicle', '161D4471'],
  ['VEH BF67WKT, IND PB 10 GH 4471 NI NR 22 61 93 C', 'vehicle', 'PB 10 GH 4471'],
  ['ARRESTED IN VEH LSR 441 AB (NIGERIAN PLATES)', 'vehicle', 'LSR 441 AB'],
  ['Letter to 58 Abingdon Road, Middlesbrough TS1 3QE returned.', 'address', '58 Abingdon Road, Middlesbrough'],
  ['Staff asked partner to stop calling the landline (01752 496 0330).', 'phone', '01752 496 0330'],
  ['LUPU, Carys (08/02/1988) NHS 507 529 1708 - 7 Caerleon Terrace, Maindee', 'address', '7 Caerleon Terrace'],
  ['LUPU, Carys (08/02/1988) NHS 507 529 1708 - 7 Caerleon Terrace, Maindee', 'nhs-number', '507 529 1708'],
  ['caller autumn fletcher (neighbour, 29 gladstone st) states', 'address', '29 gladstone st'],
  ['Vehicle of perp: CT 19 LPU (Romanian plates, Dacia Logan).', 'vehicle', 'CT 19 LPU'],
  ['wages paid into account Nationwide 12-34-56 40887215 (joint)', 'reference', '12-34-56 40887215'],
  // a rank and a collar number near a vehicle word is no plate
  ['Car stopped; DS 2231 spoke to the driver.', 'reference', '2231'],
  ['ARRESTED AT 12 SORREL CLOSE; MALE ARRESTED DRINK DRIVE.', 'address', '12 SORREL CLOSE'],
  // streets with no number after a cue, abbreviated or not
  ['Ex-husband followed her from work to Bramford Lane in his car.', 'address', 'Bramford Lane'],
  ['Sanctuary works completed at Tollemache Cl this week.', 'address', 'Tollemache Cl'],
  ['He is on bail to Brigstock Parade.', 'address', 'Brigstock Parade'],
  // a current plate typed in lower case with its space, no vehicle word near; northern street words
  ['merhawi stopped in kx15 hdw with delroy', 'vehicle', 'kx15 hdw'],
  ['rang 101 to say he was outside, pf19 kzu. grade 2', 'vehicle', 'pf19 kzu'],
  ['OFFICERS ATTENDED 4 MILL BROW. IP WITH INJURY.', 'address', '4 MILL BROW'],
  ['woman fainted at 4 mill brow la2 6qz', 'address', '4 mill brow'],
  ['Seen at 12 KIRK WYND, then 3 castle brae', 'address', '12 KIRK WYND'],
  ['Seen at 12 KIRK WYND, then 3 castle brae', 'address', '3 castle brae'],
  // one-word northern streets, a bay on a site with its road, a house named with 'The' before its street
  ['SERHAT LIVES FLAT 12, ASHBURNER HOUSE, 40 BRADSHAWGATE, BL1 1QD.', 'address', '40 BRADSHAWGATE'],
  ["Mrs McDonagh's chalet: Bay 4, Slemish View.", 'address', 'Bay 4, Slemish View'],
  ['Gurmeet SANDHU of "The Willows, Himley Road", DY3 4LB', 'address', 'The Willows, Himley Road'],
  // a hospital number glued to its letter is no phone; a count after a phone number is not its last group
  ['MRN K0456721 3 sutures.', 'reference', 'K0456721'],
  ['who rang her on 07700 900695 11 times that day', 'phone', '07700 900695'],
  // professional registers and site licences
  ['NMC PIN 16F1234E on the rota.', 'reference', '16F1234E'],
  ['site team - licence LKL-PLOT-07', 'reference', 'LKL-PLOT-07'],
  // addresses abroad, with a flat and a postcode in the country's form; a house named before its street after a cue
  ['registered at the family flat, vul. Sumska 14, kv. 7, Kharkiv.', 'address', 'vul. Sumska 14, kv. 7'],
  ['Mother: ul. Długa 14/3, 31-147 Kraków', 'address', 'ul. Długa 14/3, 31-147'],
  ['Sister at Rua das Flores 112, 4050-174 Porto', 'address', 'Rua das Flores 112, 4050-174'],
  ['Brother: Brīvības iela 41-7, Rīga', 'address', 'Brīvības iela 41-7'],
  ['Uncle in Berlin, Hauptstraße 12.', 'address', 'Hauptstraße 12'],
  ['Call to Bryn Awel, Heol y Felin.', 'address', 'Bryn Awel'],
  ['Bail address: mother, Seaview, Marine Crescent TS25 1BX', 'address', 'Seaview, Marine Crescent'],
  ['Kieran was with him, in a silver car. I wrote the number on my hand: AXZ 9127.', 'vehicle', 'AXZ 9127'],
  // longer force numbers, family court cases, ambulance crews listed, the PSNI's 'Cons'
  ['PSNI ref CC2021111400718 opened', 'reference', 'CC2021111400718'],
  ['Family court MA21P04418 listed', 'reference', 'MA21P04418'],
  ['crew 1902 / 2257 attended', 'reference', '2257'],
  ['crew 1902 / 2257 attended', 'reference', '1902'],
  ['Cons 8841 attended', 'reference', '8841'],
  // Eircodes and postcodes abroad before their town; house numbers in words; a list after a plural cue; a sheriff court's case
  ['She gave her Eircode A91 P6T3 for letters.', 'postcode', 'A91 P6T3'],
  ['Mother lives near 31-147 Kraków', 'postcode', '31-147'],
  ['Search of forty-two Hallgate Walk found a Will.', 'address', 'forty-two Hallgate Walk'],
  ['He lives at number seven Chapel Street.', 'address', 'number seven Chapel Street'],
  ['SWIFT IDs 442107 / 442108 for the children.', 'reference', '442108'],
  ['LCS IDs 2210431, 2210432.', 'reference', '2210432'],
  ['Interdict granted, case F2071/20.', 'reference', 'F2071/20'],
  // a street's quarter, precincts and quays, a Scottish flat's floor and door, lower-case abbreviations, a park one lives in
  ['Bail: not to attend Darlington Street East.', 'address', 'Darlington Street East'],
  ['Stay with me at 17 Scholes Precinct, WN1 3NB', 'address', '17 Scholes Precinct'],
  ['Offer made: 22 Canal Quay, BT35 6BP.', 'address', '22 Canal Quay'],
  ['injury at flat 2/1 18 etive ct camelon', 'address', 'flat 2/1 18 etive ct'],
  ['head wound at 14 carnagh pk.', 'address', '14 carnagh pk'],
  ['Released on bail, not to attend Carnagh Park.', 'address', 'Carnagh Park'],
  ['They grew up at Chy an Mor, 3 Fore Street, St Just.', 'address', 'Chy an Mor'],
  ['car silver golf lxz 4412. he was gone', 'vehicle', 'lxz 4412'],
  // a date of birth: an old date opening a bracket
  ['Sentenced 18/09/2019. Induction (19/11/82 confirmed) done.', 'date-of-birth', '19/11/82'],
];

describe('detectIdentifiers finds each kind', () => {
  it.each(positives)('%s → %s', (sentence, kind, expected) => {
    expect(found(sentence)).toContainEqual([kind, expected]);
  });
});

const negatives: string[] = [
  'On 03/04/2013 police attended at 17:00.',
  'Appeared Aberdeen Sheriff Court 17/02/2020; convicted at the High Court in 2022.',
  'Seen 01/01/2012 at 17:00; next contact 1700 hrs.',
  'She owed £250 in rent arrears and £1,200 in total.',
  'Adult A, aged 34, attended A&E.',
  'Appointment on 3rd March 2013 was missed.',
  'Section 47 enquiry opened; Child Protection Plan under category 2.',
  'DASH score 14 of 27, high risk, referred to MARAC on 12/03/2013.',
  'She had a red mark on her neck and said she would try.',
  'He drove north on the M6 to Carlisle.',
  'She took vitamin B12 and 20mg fluoxetine.',
  'The COVID-19 lockdown reduced face to face contact.',
  'Walked 3 miles down the lane to the shop.',
  'Seen at the Crown Court on 14 May 2013.',
  'On 14 March Park Lane School called the police.',
  'Incident on 12/03/2013 at 22:10 graded as an emergency.',
  'Log closed at 23:45; 2 officers attended.',
  'Between 2011 and 2013 there were 12 incidents.',
  'Reviewed on 2013-04-03; times 09:30 to 10:15.',
  'Prescribed 2 x 500mg three times a day.',
  'The case was heard in 2014 and closed.',
  'She was born in Poland and came to the UK in 2004.',
  'BP 140/90, pulse 88, BMI 32.5; PHQ-9 score 18; pain 7/10.',
  'Worked the 0800-1600 shift, then 1700-1900 at the pub; 24/7 cover.',
  'Page 4 of 12, Appendix 3, item 4.2; the 2019/20 figures.',
  'Year 6 pupil in Room 12, Ward 4, Bay 3, Bed 4; Tier 2 early help.',
  'He had an iPhone 11 and drove down the M5 from J17 to the A38.',
  'Sarah Lane said she would call back.',
  'She works at Brixton Hill Group Practice and shops in Anderton Park.',
  'The COVID-19-era rota and a 2-in-1 form.',
  'PHQ-9 and GAD-7 scores; the A-12 form; ages 5-11; the 0800-1600 shift.',
  'DRIVER ARRESTED DRINK DRIVE ON THE A52.',
  'Reviewed (12/03/2019 meeting) and closed on 20/03/2019.',
  'Walked down to the Row and back.',
  'The house was built in 1905; the log of 2019 visits is attached.',
  'PRIOR: 2010 ASSAULT / 2016 DRINK DRIVE; 1 conviction common assault 2010, Wolverhampton Magistrates’ Court.',
  'Took B12 tablets; drove up the M6 past J17.',
  'Admitted to The Grange University Hospital, Cwmbran.',
  // two letters and two digits that are no plate's year, in lower case; lower-case street words after a count
  'read pages ab40 cde and so on',
  'Moved to Bay 4 on the ward, then Bay 3.',
  'On licence since 2019; licence conditions 3 and 4.',
  'sentenced to 2 years crown court supervision; 3 weeks rise in arrears',
  'Travelled via Leeds 2 times; went via Crewe at 10.',
  'ANPR hits: 23:41 M4 J24 westbound, 23:58 A48 eastbound.',
  'We used to walk by the brook at Tredegar Park; not near Bury Park either.',
  'Seen 10-12 March at the clinic; 20-25 May review; scores 12-345 apart.',
];

describe('detectIdentifiers leaves ordinary chronology text alone', () => {
  it.each(negatives)('%s', (sentence) => {
    expect(found(sentence)).toEqual([]);
  });
});

describe('NHS number checksum', () => {
  it.each([
    ['9434765919', true],
    ['4010232137', true],
    ['4000000004', true],
    ['9434765918', false],
    ['4010232138', false],
    ['123456789', false],
  ] as const)('%s → %s', (digits, valid) => {
    expect(isValidNhsNumber(digits)).toBe(valid);
  });

  it('flags a valid number with no cue but not an invalid one', () => {
    expect(found('Booked as 401 023 2137.')).toEqual([['nhs-number', '401 023 2137']]);
    expect(found('Booked as 401 023 2138.').some(([k]) => k === 'nhs-number')).toBe(false);
  });

  it('gives a cued, valid number higher confidence than a cued, failed one', () => {
    const [good] = detectIdentifiers('NHS number 943 476 5919');
    const [bad] = detectIdentifiers('NHS number 943 476 5918');
    expect(good?.confidence).toBeGreaterThan(bad?.confidence ?? 1);
  });
});

describe('NI number prefixes', () => {
  it.each(['GB 12 34 56 A', 'BG123456A', 'DA 12 34 56 B'])('%s without a cue is no NI number', (ni) => {
    expect(found(`Claim under ${ni}.`).some(([k]) => k === 'ni-number')).toBe(false);
  });

  it.each(['TN 12 34 56 C', 'QQ123456A'])('%s (a temporary or example prefix) is taken, recall first', (ni) => {
    expect(found(`Claim under ${ni}.`)).toEqual([['ni-number', ni]]);
  });
});

describe('a spaced plate from abroad needs more than three capitals and digits', () => {
  it('leaves a cue word and its number to the reference detector', () => {
    expect(found('CAD 123 raised when the car left.').map(([k]) => k)).not.toContain('vehicle');
  });
});

describe('a street with a full postcode after it', () => {
  it('keeps the address and the postcode apart', () => {
    expect(found('Lives at 14 Acacia Avenue, LS6 2AB.')).toEqual([
      ['address', '14 Acacia Avenue'],
      ['postcode', 'LS6 2AB'],
    ]);
  });
});

describe('overlaps and shape of the result', () => {
  it('prefers the NHS number over the phone reading of the same digits', () => {
    expect(found('NHS 943 476 5919')).toEqual([['nhs-number', '943 476 5919']]);
  });

  it('keeps a phone with a country code whole rather than an NHS number inside it', () => {
    expect(found('Call +44 113 496 0000')).toEqual([['phone', '+44 113 496 0000']]);
  });

  it('keeps the reference with its date rather than a bare date', () => {
    expect(found('Log 456 of 03/04/2013 refers.')).toEqual([['reference', '456 of 03/04/2013']]);
  });

  it('returns sorted, non-overlapping spans with replacements and confidences', () => {
    const text = 'DOB 12/03/1985, 14 Acacia Avenue, M14 5RT, 07700 900123, sarah@example.com, AB12 CDE, crime ref 445566.';
    const spans = detectIdentifiers(text);
    expect(spans.map((s) => s.replacement)).toEqual([
      '[date of birth]',
      '[address]',
      '[postcode]',
      '[phone]',
      '[email]',
      '[vehicle]',
      '[reference]',
    ]);
    for (const [i, s] of spans.entries()) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      const next = spans[i + 1];
      if (next) expect(next.start).toBeGreaterThanOrEqual(s.end);
    }
  });

  it('returns nothing for empty text', () => {
    expect(detectIdentifiers('')).toEqual([]);
  });
});

describe('any text', () => {
  const pieces = fc.constantFrom(
    ' ', ', ', '0', '7', '07700 ', '900123', 'AB12 ', 'CDE', 'M14 ', '5RT', 'DOB ', '12/03/1985', 'crime ref ', 'CRI/',
    '12345/13', 'Flat 3', '14 ', 'Acacia Avenue', 'NHS ', '943 476 5919', 'JG 10 37 29 B', '@', 'x.y', '.com', 'PC ', '4471',
    'born ', 'Mark', 'the ', 'of ', '\n',
  );
  test.prop([fc.array(pieces, { maxLength: 40 }).map((a) => a.join(''))])('gives sorted, non-overlapping spans that match the text', (text) => {
    let last = 0;
    for (const s of detectIdentifiers(text)) {
      expect(s.start).toBeGreaterThanOrEqual(last);
      expect(s.end).toBeGreaterThan(s.start);
      expect(text.slice(s.start, s.end)).toBe(s.text);
      last = s.end;
    }
  });
});

describe('the cheap pre-tests in front of each detector', () => {
  it('still find each kind at the edge of its pre-test', () => {
    const kinds = (t: string) => detectIdentifiers(t).map((s) => s.kind);
    expect(kinds('Call 07700 900123 now')).toContain('phone');
    expect(kinds('Call (0161) 496-0123 now')).toContain('phone');
    expect(kinds('NHS no. 943 476 5919')).toContain('nhs-number');
    expect(kinds('email sarah.t[at]example.com')).toContain('email');
    expect(kinds('NI number CE-45-88-12-A')).toContain('ni-number');
    expect(kinds('She lives at Rose Cottage, by the mill.')).toContain('address');
  });
});
