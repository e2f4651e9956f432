// Loads the labelled evaluation corpus: strips the [[surface|tag]] markup and computes each label's span.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FindingKind, Person } from '../../src/anonymise/types.js';

export interface CorpusLabel {
  start: number;
  end: number;
  kind: FindingKind;
  /** Index into the case's people for a `mapped-name` label. */
  mappedIndex?: number;
}

export interface CorpusEntry {
  caseId: string;
  /** 1-based line in the case's .txt file, for pointing at a miss without printing its text. */
  line: number;
  text: string;
  labels: CorpusLabel[];
}

export interface CorpusCase {
  id: string;
  people: Person[];
  entries: CorpusEntry[];
}

const TAGS: Readonly<Record<string, FindingKind>> = {
  person: 'person',
  phone: 'phone',
  email: 'email',
  postcode: 'postcode',
  address: 'address',
  nhs: 'nhs-number',
  ni: 'ni-number',
  vehicle: 'vehicle',
  dob: 'date-of-birth',
  ref: 'reference',
};

const MARK = /\[\[([^[\]|]+)\|([a-z0-9-]+)\]\]/g;

/**
 * Parses one marked-up line. `[[Sarah Thompson|m0]]` is a mention of people[0]; `[[Gary|person]]` an unmapped
 * name; `[[07700 900123|phone]]` an identifier (tags: see TAGS). A literal `\n` is a line break inside the entry.
 */
export function parseMarkedLine(raw: string, peopleCount: number): { text: string; labels: CorpusLabel[] } {
  const line = raw.replace(/\\n/g, '\n');
  const labels: CorpusLabel[] = [];
  let text = '';
  let last = 0;
  for (const m of line.matchAll(MARK)) {
    const surface = m[1] ?? '';
    const tag = m[2] ?? '';
    text += line.slice(last, m.index);
    const start = text.length;
    text += surface;
    last = m.index + m[0].length;
    const mapped = /^m(\d+)$/.exec(tag);
    if (mapped) {
      const mappedIndex = Number(mapped[1]);
      if (mappedIndex >= peopleCount) throw new Error(`unknown person m${mappedIndex}`);
      labels.push({ start, end: text.length, kind: 'mapped-name', mappedIndex });
    } else {
      const kind = TAGS[tag];
      if (kind === undefined) throw new Error(`unknown tag "${tag}"`);
      labels.push({ start, end: text.length, kind });
    }
  }
  text += line.slice(last);
  if (/\[\[|\]\]/.test(text)) throw new Error('unbalanced markup');
  return { text, labels };
}

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'cases');

/** Every case in the corpus directory: `<case>.people.json` (Person[]) beside `<case>.txt` (one entry a line). */
export function loadCorpus(dir: string = CORPUS_DIR): CorpusCase[] {
  const ids = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -'.txt'.length))
    .sort();
  return ids.map((id) => {
    const people = JSON.parse(readFileSync(join(dir, `${id}.people.json`), 'utf8')) as Person[];
    const lines = readFileSync(join(dir, `${id}.txt`), 'utf8').split(/\r?\n/);
    const entries: CorpusEntry[] = [];
    lines.forEach((raw, i) => {
      if (raw.trim() === '' || raw.startsWith('#')) return;
      try {
        entries.push({ caseId: id, line: i + 1, ...parseMarkedLine(raw, people.length) });
      } catch (error) {
        throw new Error(`${id}.txt line ${i + 1}: ${(error as Error).message}`, { cause: error });
      }
    });
    return { id, people, entries };
  });
}
