// Loads the names half of src/anonymise at run time, so the corpus runs (identifiers only) before those modules exist.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Person } from '../../src/anonymise/types.js';
import type { Pipeline } from './run-evaluation.js';

type SpanLike = { start: number; end: number };

const MODULES = {
  matcher: new URL('../../src/anonymise/name-matcher.ts', import.meta.url),
  persons: new URL('../../src/anonymise/person-names.ts', import.meta.url),
  anonymiser: new URL('../../src/anonymise/anonymise-text.ts', import.meta.url),
};

/** The expected modules that are not there yet (paths relative to the repository). */
export function missingNameModules(): string[] {
  return Object.values(MODULES)
    .filter((url) => !existsSync(fileURLToPath(url)))
    .map((url) => fileURLToPath(url).replace(/^.*?\/src\//, 'src/'));
}

function isSpanArray(value: unknown): value is SpanLike[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && typeof (v as SpanLike).start === 'number' && typeof (v as SpanLike).end === 'number');
}

function fn(mod: Record<string, unknown>, name: string): (...args: unknown[]) => unknown {
  const f = mod[name];
  if (typeof f !== 'function') throw new Error(`expected an exported function ${name}`);
  return f as (...args: unknown[]) => unknown;
}

function spans(value: unknown, what: string): SpanLike[] {
  if (!isSpanArray(value)) throw new Error(`${what} did not return spans`);
  return value;
}

/**
 * The pipeline functions of the names engineer's modules: buildNameMatcher(people).find(text),
 * detectPersonNames(text), createAnonymiser(people, 'initials').text(text). Throws when a module is missing.
 */
export async function loadNamesPipeline(): Promise<Required<Pick<Pipeline, 'mapped' | 'persons' | 'anonymiser'>>> {
  const missing = missingNameModules();
  if (missing.length > 0) throw new Error(`names pipeline not available yet: ${missing.join(', ')}`);
  // Imported by computed URL: the modules are another engineer's and may not exist when this file is type-checked.
  const matcher = (await import(MODULES.matcher.href)) as Record<string, unknown>;
  const persons = (await import(MODULES.persons.href)) as Record<string, unknown>;
  const anonymiser = (await import(MODULES.anonymiser.href)) as Record<string, unknown>;
  const buildNameMatcher = fn(matcher, 'buildNameMatcher');
  const detectPersonNames = fn(persons, 'detectPersonNames');
  const createAnonymiser = fn(anonymiser, 'createAnonymiser');
  return {
    mapped: (people: Person[]) => {
      const m = buildNameMatcher(people) as { find?: unknown };
      if (typeof m.find !== 'function') throw new Error('buildNameMatcher(people) has no find()');
      const find = m.find.bind(m) as (text: string) => unknown;
      return (text: string) => spans(find(text), 'find');
    },
    persons: (text: string) => spans(detectPersonNames(text), 'detectPersonNames'),
    anonymiser: (people: Person[]) => {
      const a = createAnonymiser(people, 'initials') as { text?: unknown };
      if (typeof a.text !== 'function') throw new Error("createAnonymiser(people, 'initials') has no text()");
      const anonymise = a.text.bind(a) as (text: string) => unknown;
      return (text: string) => {
        const out = anonymise(text);
        if (typeof out !== 'string') throw new Error('text() did not return a string');
        return out;
      };
    },
  };
}
