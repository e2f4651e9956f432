// Medicines chronologies name (generic and brand names), and the suffixes generic names share: a drug is not a person.

/** Generic and brand names common in UK GP, mental health, A&E and substance-misuse records (lowercase). */
const MEDICINES = new Set([
  // antidepressants, anxiolytics, hypnotics, antipsychotics, mood stabilisers
  'citalopram', 'escitalopram', 'sertraline', 'fluoxetine', 'paroxetine', 'fluvoxamine', 'venlafaxine',
  'duloxetine', 'mirtazapine', 'trazodone', 'amitriptyline', 'nortriptyline', 'imipramine', 'clomipramine',
  'dosulepin', 'lofepramine', 'vortioxetine', 'agomelatine', 'bupropion', 'phenelzine', 'moclobemide',
  'diazepam', 'lorazepam', 'chlordiazepoxide', 'clonazepam', 'temazepam', 'nitrazepam', 'alprazolam',
  'oxazepam', 'zopiclone', 'zolpidem', 'melatonin', 'promethazine', 'hydroxyzine', 'propranolol', 'pregabalin',
  'gabapentin', 'buspirone', 'olanzapine', 'quetiapine', 'risperidone', 'aripiprazole', 'haloperidol',
  'clozapine', 'amisulpride', 'chlorpromazine', 'lurasidone', 'paliperidone', 'zuclopenthixol', 'flupentixol',
  'lithium', 'valproate', 'sodium valproate', 'lamotrigine', 'carbamazepine', 'levetiracetam', 'topiramate',
  'phenytoin', 'methylphenidate', 'atomoxetine', 'lisdexamfetamine', 'dexamfetamine', 'guanfacine',
  'procyclidine',
  // pain, opioids and substitutes, alcohol
  'paracetamol', 'ibuprofen', 'naproxen', 'diclofenac', 'aspirin', 'codeine', 'co-codamol', 'co-dydramol',
  'dihydrocodeine', 'tramadol', 'morphine', 'oxycodone', 'fentanyl', 'buprenorphine', 'methadone', 'naloxone',
  'naltrexone', 'acamprosate', 'disulfiram', 'thiamine', 'pabrinex', 'nalmefene', 'heroin', 'cocaine',
  'amphetamine', 'ketamine', 'cannabis', 'spice', 'mdma', 'ecstasy', 'nitrous', 'subutex', 'espranor',
  // common GP prescribing
  'omeprazole', 'lansoprazole', 'ranitidine', 'metformin', 'gliclazide', 'insulin', 'levothyroxine',
  'amlodipine', 'ramipril', 'lisinopril', 'losartan', 'candesartan', 'bisoprolol', 'atenolol', 'simvastatin',
  'atorvastatin', 'warfarin', 'apixaban', 'rivaroxaban', 'clopidogrel', 'furosemide', 'bendroflumethiazide',
  'salbutamol', 'beclometasone', 'prednisolone', 'amoxicillin', 'flucloxacillin', 'clarithromycin',
  'erythromycin', 'doxycycline', 'trimethoprim', 'nitrofurantoin', 'metronidazole', 'ciprofloxacin',
  'cefalexin', 'co-amoxiclav', 'penicillin', 'cetirizine', 'loratadine', 'chlorphenamine', 'sumatriptan',
  'folic acid', 'ferrous sulphate', 'vitamin', 'microgynon', 'rigevidon', 'cerazette', 'desogestrel',
  'levonorgestrel', 'depo-provera', 'nexplanon', 'mirena', 'ellaone', 'ulipristal', 'clotrimazole',
  'hydrocortisone', 'epipen', 'adrenaline', 'ventolin', 'seretide', 'symbicort', 'fostair', 'gaviscon',
  'lactulose', 'senna', 'loperamide', 'buscopan', 'cyclizine', 'ondansetron', 'metoclopramide', 'domperidone',
  // brands written in notes
  'prozac', 'cipramil', 'lustral', 'efexor', 'cymbalta', 'zispin', 'valium', 'ativan', 'xanax', 'zimovane',
  'lyrica', 'neurontin', 'zyprexa', 'seroquel', 'risperdal', 'abilify', 'clozaril', 'priadel', 'camcolit',
  'epilim', 'depakote', 'lamictal', 'tegretol', 'keppra', 'ritalin', 'concerta', 'strattera', 'elvanse',
  'nurofen', 'calpol', 'solpadeine', 'zapain', 'tramacet', 'oramorph', 'oxycontin', 'suboxone', 'antabuse',
  'campral', 'librium', 'naprosyn', 'voltarol',
]);

/** Endings of generic drug names (INN stems): 'citalopram', 'olanzapine', 'bisoprolol', 'amoxicillin'. */
const STEMS = /(?:pram|oxetine|axine|azepam|azolam|zepine|apine|idone|peridol|triptyline|pramine|olol|pril|sartan|statin|mycin|cillin|floxacin|cycline|azole|conazole|prazole|tidine|gliptin|gliflozin|dronate|semide|thiazide|parin|xaban|gatran|lukast|terol|sonide|metasone|olone|profen|fenac|coxib|tramadol|morphine|codone|orphine|adone|barbital|amfetamine|etamine|setron|clopramide|vudine|semide|amide)$/u;

/** Is this word (lowercase, folded) a medicine: a listed name, or a long word with a generic drug-name ending? */
export function isMedicine(word: string): boolean {
  if (MEDICINES.has(word)) return true;
  return word.length >= 7 && STEMS.test(word);
}
