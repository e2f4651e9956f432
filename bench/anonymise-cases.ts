// Anonymiser benchmark steps: the pipeline's MB/s on ~20 MB with a 50-person map, and compromise .people() alone.
import nlp from 'compromise';
import { createAnonymiser } from '../src/anonymise/anonymiser.js';
import { anonymiseWorkload } from './anonymise-workload.js';
import { measure, report } from './measure.js';

export async function anonymise(megabytes: number, cached = 'cached'): Promise<void> {
  const { people, entries, bytes } = anonymiseWorkload(megabytes * 1e6);
  const memo = cached === 'cached';
  report(
    await measure(`anonymise ${entries.length} entries, 50-person map, ${memo ? 'with' : 'without'} the per-case caches`, async () => {
      const anonymiser = createAnonymiser(people, 'initials', { memo });
      for (const e of entries) anonymiser.entry(e);
      return { rows: entries.length, bytes };
    }),
  );
}

/** compromise is about 50× slower, so it gets a smaller sample; the MB/s figures compare. */
export async function compromisePeople(megabytes: number): Promise<void> {
  const { entries, bytes } = anonymiseWorkload(megabytes * 1e6);
  report(
    await measure(`compromise .people() alone on ${megabytes} MB of the same text`, async () => {
      for (const e of entries) for (const t of [e.event, e.comment, e.professional, e.contact]) if (t) nlp(t).people().out('array');
      return { rows: entries.length, bytes };
    }),
  );
}
