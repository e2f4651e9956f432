// Generates large realistic chronologies for the benchmarks: xlsx with exceljs's streaming writer (inline or shared
// strings), csv as text, and rows for the LibreOffice-made files (bench/office-files.ts).
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { seededRandom } from '../test/reliability/workload.js';

export const BENCH_DIR = join(process.cwd(), 'data', 'bench');

// Sentences as agencies write them, with slots a case fills differently each time: names, places, numbers.
const SENTENCES = [
  'Officers attended {place} following a 999 call from {victim} reporting that {partner} had {harm} her.',
  'DASH completed with {victim}, assessed as {risk} risk; referral sent to {agency}.',
  '{partner} arrested at {time} and interviewed under caution; released {outcome}.',
  '{victim} attended the surgery with {injury}; said she had {excuse}.',
  '{professional} asked about safety at home; {victim} declined a referral and was given the number for the helpline.',
  'Follow-up booked for {weekday} {date}; letter sent to {place}.',
  'Housing officer visited {place} to discuss rent arrears of £{amount}.',
  'Tenant disclosed that {partner} controls the money and takes her bank card.',
  'Signposted to the IDVA service; consent obtained to share with {agency}.',
  'IDVA telephoned {victim} at {time}; she said things were calmer since {weekday}.',
  'Safety plan reviewed, including a code word with her sister {relative}.',
  'Case to remain open; MARAC referral considered at {risk} risk but not made.',
  'Child {child} seen at school by {professional}; no concerns about attendance recorded.',
  'Health visitor {professional} saw {victim} and the baby at {place}; weight {weight} kg.',
  'Probation supervision session with {partner}; he denied contact with {victim} since {date}.',
  'An anonymous caller told {agency} about shouting at {place} at about {time}.',
  'Neighbour reported that {partner} was banging on the door of {place} for {minutes} minutes.',
  'Ambulance crew attended {place}; {victim} had {injury} and refused conveyance to hospital.',
  'A&E attendance: {victim} presented with {injury}, discharged at {time} with advice.',
  'Strategy discussion held with {agency} and {professional}; actions agreed for {weekday}.',
  'Letter from {agency} to {victim} about the non-molestation order hearing on {date}.',
  'Log {log}: call closed as no offences disclosed; {professional} to review.',
  'Text message from {partner} to {victim} read to the officer: threats to {threat}.',
  'Education welfare officer {professional} visited {place}; nobody answered.',
];
const VICTIMS = ['Sarah Thompson', 'Sarah', 'Ms Thompson', 'Adult A', 'Kerry Walsh', 'Aoife Byrne', 'Joanne Price', 'Priya Shah'];
const PARTNERS = ['Mark Reid', 'Mr Reid', 'Mark', 'Darren Cole', 'Lee Hughes', 'the ex-partner', 'Adult B', 'Gary Nolan'];
const PROFESSIONALS = ['Dr Sharma', 'PC 4471 Helen Fraser', 'DS Khan', 'Nurse Okafor', 'Mrs Patel', 'Mr Davies', 'the duty social worker', 'Dr Ellis'];
const PLACES = ['Flat 3, Mill Court', '14 Station Road', 'the family home', "her mother's address", '7 Ash Grove', 'the refuge', 'the Tesco car park', '22 Canal Street'];
const AGENCIES = ['children’s social care', 'the IDVA service', 'MARAC', 'the GP practice', 'Early Help', 'the housing trust', 'the probation service', 'CAMHS'];
const WORDS: Record<string, readonly string[]> = {
  harm: ['pushed', 'slapped', 'grabbed', 'threatened', 'locked out', 'strangled', 'punched', 'followed'],
  risk: ['standard', 'medium', 'high'],
  outcome: ['on bail', 'under investigation', 'with no further action', 'on a caution', 'to court'],
  injury: ['bruising to her upper arm', 'a cut lip', 'a swollen wrist', 'marks on her neck', 'a black eye', 'anxiety and poor sleep'],
  excuse: ['walked into a door', 'fallen on the stairs', 'tripped over the dog', 'been hit by a cupboard', 'no memory of it'],
  weekday: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  relative: ['Aoife', 'Claire', 'Mandy', 'Siobhan', 'Nicola'],
  child: ['C1', 'C2', 'Jayden', 'Ellie', 'B'],
  threat: ['take the children', 'burn the house down', 'kill her', 'post the photos', 'find her wherever she goes'],
};

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const two = (n: number): string => String(n).padStart(2, '0');

/** Four or five sentences with their slots filled: text that compresses as real narratives do, not as a repeat. */
function narrative(random: () => number): string {
  const fill = (slot: string): string => {
    switch (slot) {
      case 'victim': return pick(random, VICTIMS);
      case 'partner': return pick(random, PARTNERS);
      case 'professional': return pick(random, PROFESSIONALS);
      case 'place': return pick(random, PLACES);
      case 'agency': return pick(random, AGENCIES);
      case 'time': return `${two(Math.floor(random() * 24))}:${two(Math.floor(random() * 60))}`;
      case 'date': return `${two(1 + Math.floor(random() * 28))}/${two(1 + Math.floor(random() * 12))}/201${2 + Math.floor(random() * 3)}`;
      case 'amount': return String(50 + Math.floor(random() * 3000));
      case 'weight': return (3 + random() * 9).toFixed(1);
      case 'minutes': return String(5 + Math.floor(random() * 55));
      case 'log': return String(100000 + Math.floor(random() * 900000));
      default: return pick(random, WORDS[slot] ?? [slot]);
    }
  };
  const count = 4 + Math.floor(random() * 2);
  return Array.from({ length: count }, () => pick(random, SENTENCES).replace(/\{(\w+)\}/g, (_m, slot: string) => fill(slot))).join(' ');
}

export function row(i: number, random: () => number): [string, string, string, string, string, string, string] {
  const day = (i % 28) + 1;
  const month = (Math.floor(i / 28) % 12) + 1;
  const year = 2012 + (Math.floor(i / 336) % 3);
  const date = `${two(day)}/${two(month)}/${year}`;
  const time = `${two(8 + (i % 12))}:${two((i * 7) % 60)}`;
  const reviewed = `Reviewed by panel on ${(i % 28) + 1}/${(i % 12) + 1}`;
  const comment = random() < 0.4 ? `${reviewed}: ${narrative(random).split('. ')[0] ?? ''}.` : reviewed;
  return [date, time, `Record system ${i % 97}`, pick(random, PROFESSIONALS), pick(random, VICTIMS), narrative(random), comment];
}

export const HEADER = ['Date', 'Time', 'Source of evidence', 'Name of professional', 'Contact with', 'Event description, actions taken, decisions made', 'Comments'];

/**
 * `inline`: every string in its cell (`t="inlineStr"`), as exceljs's streaming writer with useSharedStrings:false and
 * many exporting systems write; `shared`: strings in xl/sharedStrings.xml, as Excel itself writes them.
 */
export async function benchXlsx(rows: number, strings: 'inline' | 'shared' = 'inline'): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `chronology-v2-${rows}${strings === 'shared' ? '-shared' : ''}.xlsx`);
  if (existsSync(file)) return file;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useSharedStrings: strings === 'shared' });
  const ws = wb.addWorksheet('Chronology');
  ws.addRow(['Comprehensive Agency Chronology']).commit();
  ws.addRow(['Agency: Greater Manchester Police']).commit();
  ws.addRow([]).commit();
  ws.addRow(HEADER).commit();
  const random = seededRandom(rows);
  for (let i = 0; i < rows; i++) ws.addRow(row(i, random)).commit();
  ws.commit();
  await wb.commit();
  return file;
}

export function benchCsv(rows: number): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `chronology-v2-${rows}.csv`);
  if (existsSync(file)) return file;
  const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = [HEADER.map(q).join(',')];
  const random = seededRandom(rows);
  for (let i = 0; i < rows; i++) lines.push(row(i, random).map(q).join(','));
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}
