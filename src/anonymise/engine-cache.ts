// The anonymiser engines a thread keeps between jobs: building one costs tens of milliseconds (automata, gazetteer
// lookups) and what it learns of a case's texts serves that case's next export. Keyed by the whole map, decisions
// included, so any change to the map builds a new one.
import { createEngine, type AnonymiserEngine } from './anonymiser.js';
import type { CaseMap } from './types.js';

/** Engines kept per thread, the least recently used dropped first: each remembers up to a few thousand results. */
const KEEP = 2;
const engines = new Map<string, AnonymiserEngine>();

export function engineFor(map: CaseMap, mode: 'initials' | 'pseudonym'): AnonymiserEngine {
  const key = `${mode}\n${JSON.stringify(map)}`;
  const known = engines.get(key);
  if (known) {
    engines.delete(key);
    engines.set(key, known);
    return known;
  }
  const engine = createEngine(map, mode);
  engines.set(key, engine);
  while (engines.size > KEEP) {
    const oldest = engines.keys().next();
    if (oldest.done) break;
    engines.delete(oldest.value);
  }
  return engine;
}
