// For tuning on the dev split only: every entry whose score is not clean, with the figures it moved, its text, the
// anonymised text and its labels. `npm run corpus:misses -- [figure|-] [case-prefix]` (figure: mapped, person, fp,
// word, address, ref, …). The corpus is invented text; never run this on a real case's entries.
import { createAnonymiser } from '../src/anonymise/anonymiser.js';
import { REPLACE_AT } from '../src/anonymise/confidence.js';
import { fieldKindOf } from '../src/anonymise/text-fields.js';
import { loadSplit } from '../test/corpus/load-corpus.js';
import { emptyFigures, scoreEntry, type Figures } from '../test/corpus/score.js';

function flat(f: Figures): Record<string, number> {
  const out: Record<string, number> = {
    mapped: f.mapped.left, person: f.unmapped.left, fp: f.unmapped.falsePositives, term: f.terms.left, org: f.organisations.missed,
    word: f.words.damaged, place: f.places.damaged, wrong: f.wrongAttribution, doubled: f.doubled,
  };
  for (const [kind, c] of Object.entries(f.identifiers)) out[kind] = c.left;
  return out;
}

const figure = process.argv[2] && process.argv[2] !== '-' ? process.argv[2] : null;
const prefix = process.argv[3] ?? '';
const total = emptyFigures();
for (const c of loadSplit('dev').filter((x) => x.id.startsWith(prefix))) {
  const anonymiser = createAnonymiser(c.map, 'initials');
  const initials = c.map.people.map((p) => p.initials);
  for (const e of c.entries) {
    const r = anonymiser.text(e.text, { field: fieldKindOf(e.field) });
    const before = flat(total);
    scoreEntry(total, { text: e.text, labels: e.labels, replaced: r.detections.filter((d) => d.confidence >= REPLACE_AT), found: r.detections, initials }, 0);
    const after = flat(total);
    const moved = Object.keys(after).filter((k) => after[k] !== before[k]);
    if (moved.length === 0 || (figure && !moved.includes(figure))) continue;
    const labels = e.labels.map((l) => `${e.text.slice(l.start, l.end)}|${l.kind}${l.index ?? ''}`).join('; ');
    console.log(`${c.id}:${e.line} [${moved.map((k) => `${k}+${(after[k] ?? 0) - (before[k] ?? 0)}`).join(' ')}] (${e.field})`);
    console.log(`  IN : ${e.text}\n  OUT: ${r.text ?? ''}\n  LAB: ${labels}`);
  }
}
console.log('TOTAL', JSON.stringify(flat(total)));
