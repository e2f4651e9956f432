// Loads the labelled redaction corpus (format: README.md beside this file): one split's cases, maps and report drafts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanTerms, validatePeopleMap } from '../../src/anonymise/people-map.js';
import type { PersonInput, TermInput } from '../../src/anonymise/people-schema.js';
import type { CaseMap } from '../../src/anonymise/types.js';
import type { TextField } from '../../src/anonymise/text-fields.js';

/** What a label says the text is. */
export type LabelKind =
  | 'mapped' | 'amb' | 'person' | 'term' | 'org' | 'place' | 'word'
  | 'phone' | 'email' | 'postcode' | 'address' | 'nhs' | 'ni' | 'vehicle' | 'dob' | 'ref';

export const IDENTIFIER_LABELS = ['phone', 'email', 'postcode', 'address', 'nhs', 'ni', 'vehicle', 'dob', 'ref'] as const;

export interface Label {
  start: number;
  end: number;
  kind: LabelKind;
  /** The mapped person (for `mapped`) or the protected term (for `term`), by index into the map. */
  index?: number;
}

export interface CorpusEntry {
  caseId: string;
  /** 1-based line in the case's .txt, for pointing at a miss without printing its text. */
  line: number;
  field: TextField;
  text: string;
  labels: Label[];
}

export interface CorpusReport {
  caseId: string;
  file: string;
  kind: 'leaky' | 'clean';
  /** The .docx made from the description by LibreOffice (make-reports.ts), beside it. */
  docx: string;
  /** Every string of the description, stripped of markup, with its labels and the part of the document it is in. */
  pieces: { text: string; labels: Label[]; part: string }[];
  description: ReportDescription;
}

/** A report draft as its writer described it (README.md); every string may hold markup. */
export interface ReportDescription {
  kind: 'leaky' | 'clean';
  properties?: Record<string, string>;
  header?: string[];
  footer?: string[];
  body: ReportBlock[];
}

export type ReportBlock =
  | { heading: string }
  | { p: string; footnote?: string; endnote?: string; comment?: string }
  | { table: string[][] }
  | { textbox: string };

export interface CorpusCase {
  id: string;
  map: CaseMap;
  entries: CorpusEntry[];
  reports: CorpusReport[];
}

const MARK = /\[\[([^[\]|]+)\|([a-z0-9-]+)\]\]/g;
const PLAIN_TAGS = new Set<string>(['amb', 'person', 'org', 'place', 'word', ...IDENTIFIER_LABELS]);
const FIELDS = new Set<string>(['event', 'professional', 'contact', 'comment', 'outcome', 'source']);

/** Strips `[[surface|tag]]` markup, computing each label's span in the stripped text. A literal `\n` is a line break. */
export function parseMarked(raw: string, people: number, terms: number): { text: string; labels: Label[] } {
  const line = raw.replace(/\\n/g, '\n');
  const labels: Label[] = [];
  let text = '';
  let last = 0;
  for (const m of line.matchAll(MARK)) {
    const surface = m[1] ?? '';
    const tag = m[2] ?? '';
    text += line.slice(last, m.index);
    const start = text.length;
    text += surface;
    last = m.index + m[0].length;
    const person = /^m(\d+)$/.exec(tag);
    const term = /^term(\d+)$/.exec(tag);
    if (person) {
      const index = Number(person[1]);
      if (index >= people) throw new Error(`unknown person ${tag}`);
      labels.push({ start, end: text.length, kind: 'mapped', index });
    } else if (term) {
      const index = Number(term[1]);
      if (index >= terms) throw new Error(`unknown term ${tag}`);
      labels.push({ start, end: text.length, kind: 'term', index });
    } else if (PLAIN_TAGS.has(tag)) {
      labels.push({ start, end: text.length, kind: tag as LabelKind });
    } else {
      throw new Error(`unknown tag "${tag}"`);
    }
  }
  text += line.slice(last);
  if (/\[\[|\]\]/.test(text)) throw new Error('unbalanced markup');
  return { text, labels };
}

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));
export type Split = 'dev' | 'test';

/** The map as the chair would store it: where proposed initials collide, the service's suggestion is taken. */
function loadMap(file: string): CaseMap {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { people: PersonInput[]; terms?: TermInput[] };
  const input = raw.people.map((p) => ({ ...p }));
  for (let attempt = 0; attempt <= input.length; attempt++) {
    const people = validatePeopleMap(input);
    if (people.ok) return { people: people.people, terms: cleanTerms(raw.terms ?? []), decisions: [] };
    const person = input[people.person];
    if (people.error !== 'initials_collision' || !people.suggestion || !person) throw new Error(`${file}: ${people.message}`);
    person.initials = people.suggestion;
  }
  throw new Error(`${file}: initials could not be settled`);
}

/** Every string of a description with the part of the document it lands in (properties.title, header, footnote …). */
export function reportStrings(d: ReportDescription): { raw: string; part: string }[] {
  const out: { raw: string; part: string }[] = [];
  for (const [k, v] of Object.entries(d.properties ?? {})) if (v) out.push({ raw: v, part: `properties.${k}` });
  for (const raw of d.header ?? []) out.push({ raw, part: 'header' });
  for (const raw of d.footer ?? []) out.push({ raw, part: 'footer' });
  for (const b of d.body) {
    if ('heading' in b) out.push({ raw: b.heading, part: 'body' });
    else if ('p' in b) {
      out.push({ raw: b.p, part: 'body' });
      if (b.footnote) out.push({ raw: b.footnote, part: 'footnote' });
      if (b.endnote) out.push({ raw: b.endnote, part: 'endnote' });
      if (b.comment) out.push({ raw: b.comment, part: 'comment' });
    } else if ('table' in b) for (const row of b.table) for (const raw of row) out.push({ raw, part: 'table' });
    else if ('textbox' in b) out.push({ raw: b.textbox, part: 'textbox' });
  }
  return out;
}

/** Every case of one split: `<case>.map.json` beside `<case>.txt`, and any `<case>.report*.json` with its .docx. */
export function loadSplit(split: Split, dir: string = join(CORPUS_DIR, split)): CorpusCase[] {
  const files = readdirSync(dir);
  const ids = files.filter((f) => f.endsWith('.map.json')).map((f) => f.slice(0, -'.map.json'.length)).sort();
  return ids.map((id) => {
    const map = loadMap(join(dir, `${id}.map.json`));
    const entries: CorpusEntry[] = [];
    readFileSync(join(dir, `${id}.txt`), 'utf8').split(/\r?\n/).forEach((raw, i) => {
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const prefix = /^@([a-z]+) /.exec(raw);
      const field = (prefix?.[1] ?? 'event') as TextField;
      if (!FIELDS.has(field)) throw new Error(`${id}.txt line ${i + 1}: unknown field @${field}`);
      try {
        entries.push({ caseId: id, line: i + 1, field, ...parseMarked(prefix ? raw.slice(prefix[0].length) : raw, map.people.length, map.terms.length) });
      } catch (error) {
        throw new Error(`${id}.txt line ${i + 1}: ${(error as Error).message}`, { cause: error });
      }
    });
    const reports = files
      .filter((f) => f.startsWith(`${id}.report`) && f.endsWith('.json'))
      .sort()
      .map((file): CorpusReport => {
        const description = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ReportDescription;
        const pieces = reportStrings(description).map(({ raw, part }) => ({ ...parseMarked(raw, map.people.length, map.terms.length), part }));
        const docx = join(dir, file.replace(/\.json$/, '.docx'));
        return { caseId: id, file, kind: description.kind, docx, pieces, description };
      });
    return { id, map, entries, reports };
  });
}

/** Whether a split's report drafts have been made into .docx files (make-reports.ts). */
export function reportsMade(cases: readonly CorpusCase[]): boolean {
  return cases.every((c) => c.reports.every((r) => existsSync(r.docx)));
}
