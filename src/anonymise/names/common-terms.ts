// Capitalised words chronologies use that are never a person: languages and peoples, kinship words, abbreviations.

/** Languages, dialects, nationalities and communities as UK agencies record them (lowercase, folded). */
export const PEOPLES = new Set([
  'english', 'welsh', 'scottish', 'irish', 'british', 'cymraeg', 'gaelic', 'cornish', 'polish', 'romanian', 'lithuanian',
  'latvian', 'estonian', 'slovak', 'czech', 'hungarian', 'bulgarian', 'albanian', 'kosovan', 'serbian', 'croatian',
  'bosnian', 'ukrainian', 'russian', 'belarusian', 'moldovan', 'greek', 'cypriot', 'turkish', 'kurdish', 'kurmanji',
  'sorani', 'badini', 'portuguese', 'brazilian', 'spanish', 'italian', 'french', 'german', 'dutch', 'flemish',
  'swedish', 'norwegian', 'danish', 'finnish', 'arabic', 'arab', 'egyptian', 'moroccan', 'algerian', 'libyan',
  'tunisian', 'sudanese', 'yemeni', 'iraqi', 'iranian', 'persian', 'farsi', 'dari', 'pashto', 'pashtun', 'afghan',
  'syrian', 'lebanese', 'palestinian', 'jordanian', 'saudi', 'kuwaiti', 'somali', 'somaliland', 'eritrean', 'ethiopian',
  'amharic', 'tigrinya', 'oromo', 'kenyan', 'swahili', 'ugandan', 'tanzanian', 'rwandan', 'congolese', 'lingala',
  'nigerian', 'yoruba', 'igbo', 'hausa', 'ghanaian', 'twi', 'akan', 'ewe', 'leonean', 'krio',
  'gambian', 'senegalese', 'cameroonian', 'zimbabwean', 'shona', 'ndebele', 'zambian', 'malawian', 'south', 'african',
  'jamaican', 'caribbean', 'patois', 'trinidadian', 'barbadian', 'bajan', 'guyanese', 'indian', 'hindi', 'punjabi',
  'panjabi', 'gujarati', 'bengali', 'bangla', 'sylheti', 'urdu', 'pahari', 'mirpuri', 'pothwari', 'potwari',
  'kashmiri', 'pakistani', 'bangladeshi', 'sri', 'lankan', 'tamil', 'sinhala', 'sinhalese', 'nepali', 'nepalese',
  'gurkha', 'malayalam', 'telugu', 'kannada', 'marathi', 'sindhi', 'chinese', 'mandarin', 'cantonese', 'hakka',
  'vietnamese', 'thai', 'filipino', 'tagalog', 'cebuano', 'ilocano', 'visayan', 'malaysian', 'indonesian', 'japanese', 'korean', 'mongolian', 'tibetan',
  'roma', 'romany', 'romani', 'gypsy', 'traveller', 'travellers', 'irish traveller', 'european', 'asian', 'latino',
  'latina', 'latinx', 'hispanic', 'colombian', 'venezuelan', 'mexican', 'ecuadorian', 'peruvian', 'bolivian',
  'chilean', 'argentinian', 'cuban', 'american', 'canadian', 'australian', 'muslim', 'hindu', 'sikh', 'jewish',
  'christian', 'catholic', 'protestant', 'anglican', 'methodist', 'baptist', 'pentecostal', 'evangelical',
  'orthodox', 'buddhist', 'jain', 'rastafarian', 'sunni', 'shia', 'ahmadi', 'ismaili', 'bsl', 'makaton',
]);

/** Family words in the languages chronologies quote ('Nani', 'Abbu', 'Hooyo', 'Dad-cu', 'Mam-gu'), lowercase. */
export const KINSHIP = new Set([
  // Scottish Gaelic and Welsh words for family ('Dadaidh', 'Mamaidh', 'Seanmhair'), and Gaelic 'is' opening a quote
  'dadaidh', 'mamaidh', 'seanair', 'seanmhair', 'granaidh', 'tha',
  // Filipino: mother, father, elder sister and brother
  'nanay', 'tatay', 'inay', 'itay', 'kuya', 'manang', 'manong',
  'mum', 'mam', 'mammy', 'mummy', 'dad', 'daddy', 'nan', 'nana', 'nanna', 'nani', 'nanu', 'dada', 'dadi', 'abbu', 'abba',
  'ammi', 'ammu', 'amma', 'ami', 'baba', 'mama', 'mamu', 'mamo', 'chacha', 'chachi', 'chachu', 'khala', 'khalu',
  'phupho', 'phuppo', 'phupha', 'taya', 'tayi', 'bhai', 'bhaiya', 'bhabhi', 'baji', 'apa', 'api', 'didi', 'beta', 'beti',
  'bapu', 'pitaji', 'mataji', 'biji', 'bebe', 'hooyo', 'aabo', 'abo', 'awoowe', 'ayeeyo', 'ba', 'dad-cu', 'mam-gu',
  'tad-cu', 'nain', 'taid', 'grandad', 'granda', 'grandma', 'granny', 'gran', 'nonna', 'nonno', 'babcia', 'dziadek',
  'bunica', 'bunicul', 'baba-ji', 'nani-ji', 'dadi-ji', 'mum-ji', 'aunty', 'auntie',
  'uncle', 'iya', 'mama-ji', 'maame', 'papa', 'pops', 'bro', 'sis', 'cuz',
]);

/** Abbreviations of chronology notes that a capital opens or shouts ('Pt', 'VIC', 'SUSP', 'NFA', 'RoSH'). */
export const ABBREVIATIONS = new Set([
  'pt', 'pts', 'vic', 'vict', 'susp', 'perp', 'perps', 'veh', 'vehs', 'mins', 'hrs', 'yrs', 'mths', 'mnths', 'wks', 'nfa', 'inc', 'abh', 'gbh',
  'csc', 'asc', 'csw', 'cfs', 'snr', 'jnr', 'mrn', 'bwv', 'anpr', 'cctv', 'nfs', 'dsl', 'flo', 'oic', 'ip', 'ips', 'wit', 'wits', 'ref', 'refs',
  'rosh', 'nosp', 'ngh', 'ccb', 'wmas', 'las', 'nwas', 'yas', 'emas', 'secamb', 'swast', 'eeast', 'scas', 'neas',
  'att', 'attd', 'dna', "dna'd", 'wnb', 'nok', 'hx', 'dx', 'rx', 'tx', 'fx', 'sx', 'obs', 'bp', 'gcs', 'loc',
  'ams', 'amp', 'asap', 'approx', 'etc', 'aka', 'nb', 'fyi', 'tbc', 'info', 'misc', 'mgm', 'dob', 'cpn', 'cmht',
  'crhtt', 'hbt', 'ae', 'mau', 'amu', 'icu', 'itu', 'scbu', 'nicu', 'ppn', 'cpp', 'cin', 'lac', 'sgo', 'plo',
  'icpc', 'rcpc', 'iro', 'pep', 'ehcp', 'send', 'senco', 'fsm', 'cp', 'cse', 'cce', 'fgm', 'hbv', 'fm', 'cpv',
  'apva', 'cyp', 'yp', 'dv', 'da', 'dva', 'vaw', 'vawg', 'sars', 'isva', 'idva', 'iom', 'mappa', 'visor', 'eps',
  'nps', 'crc', 'pss', 'ual', 'hdc', 'rotl', 'osw', 'oasys', 'nsd', 'sr', 'cjs', 'hmcts', 'mags', 'cc', 'fpc',
  'nmo', 'npo', 'dvpn', 'dvpo', 'rmo', 'sho', 'sro', 'shpo', 'cbo', 'asbo', 'cpn', 'nino', 'hmrc', 'dwp', 'uc',
  'esa', 'dla', 'hb', 'ctr', 'lha', 'tv', 'sms', 'whatsapp', 'e-mail', 'email', 'voicemail', 'incl',
  // police log shorthand in capitals: armed response, intoxicated, intelligence, observations, road traffic collision
  'arv', 'afo', 'intox', 'int', 'intel', 'rtc', 'wast', 'sas', 'nias', 'epcr', 'hilux', 'navara',
  // banks and payment apps named beside a sort code or a card
  'monzo', 'natwest', 'barclays', 'lloyds', 'santander', 'hsbc', 'starling', 'revolut', 'nationwide', 'halifax', 'paypal',
]);

/**
 * Welsh words that open with a capital in quoted speech, records and place names and are never a person's name
 * ('Mae Martin wedi newid', 'Dwi'n iawn', 'Llys Ynadon', 'Ynys Môn'), mutated forms included.
 */
export const WELSH_WORDS = new Set([
  'mae', 'dwi', "dwi'n", 'dw', 'rwy', "rwy'n", 'roedd', 'oedd', 'mynd', 'lladd', 'isio', 'eisiau', 'byw', 'efo', 'gyda',
  'wedi', 'newid', 'iawn', 'ddim', 'fy', 'yn', 'yr', "o'n", 'ac', 'ond', 'helpa', 'plis', 'paid', 'diolch', 'bore', 'nos',
  'nain', 'taid', 'mam', 'tad', 'mamgu', 'tadcu', 'ynys', 'llys', 'ynadon', 'ysbyty', 'meddygfa', 'cyngor',
  'canolfan', 'capel', 'eglwys', 'heddlu', 'gwasanaeth', 'cymdeithasol', 'gofal', 'cymru', 'gogledd',
]);

/** Words a capital opens that name a role, a weekday in the plural, or a thing ('Headteacher', 'Tuesdays'). */
export const OTHER_WORDS = new Set([
  // 'Co. Galway': an Irish county's abbreviation
  'co',
  'headteacher', 'headmaster', 'headmistress', 'deputy', 'senco', 'caseworker', 'keyworker', 'homecare', 'careline',
  'mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays', 'weekends', 'xmas', 'eid',
  'diwali', 'ramadan', 'vaisakhi', 'navratri', 'holi', 'hanukkah', 'passover', 'lent', 'advent', 'halloween',
]);
