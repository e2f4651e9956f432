// Scores the redaction pipeline on the labelled corpus (test/corpus): recall, precision, leak rate, flag density.
// Prints figures only — never corpus text — so its output can be pasted into an issue.
import { detectIdentifiers } from '../src/anonymise/identifiers/identifiers.js';
import { compromisePeople } from '../test/corpus/compromise-baseline.js';
import { formatReport } from '../test/corpus/evaluate.js';
import { loadCorpus } from '../test/corpus/load-corpus.js';
import { namesPipeline } from '../test/corpus/names-pipeline.js';
import { IDENTIFIER_KINDS, NAME_KINDS, runEvaluation, type Pipeline } from '../test/corpus/run-evaluation.js';

const cases = loadCorpus();
const pipeline: Pipeline = { identifiers: detectIdentifiers, baseline: compromisePeople, ...namesPipeline };
const result = runEvaluation(cases, pipeline);

const labelCounts = [...NAME_KINDS, ...IDENTIFIER_KINDS].map((k) => `${k} ${result.counts.labels.get(k) ?? 0}`).join(', ');
console.log(`corpus: ${result.counts.cases} cases, ${result.counts.entries} entries; labels: ${labelCounts}\n`);
console.log(formatReport('pipeline, per kind (mapped and unmapped names apart)', result.all));
if (result.names) console.log(`\n${formatReport('pipeline, all person names as one kind', result.names)}`);
if (result.baseline) console.log(`\n${formatReport('baseline: compromise .people() alone, all person names as one kind', result.baseline)}`);
if (result.output) {
  const byKind = [...result.output.byKind.entries()].filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`);
  console.log(
    `\nanonymised output: ${result.output.entries} of ${result.counts.entries} entries still contain a labelled name or identifier${byKind.length > 0 ? ` (${byKind.join(', ')})` : ''}`,
  );
}
const entries = cases.flatMap((c) => c.entries);
const misses = result.all.misses.map((m) => `${entries[m.entry]?.caseId ?? '?'}.txt:${entries[m.entry]?.line ?? '?'} ${m.label.kind}`);
if (misses.length > 0) console.log(`\nmissed labels (case file:line kind):\n  ${misses.join('\n  ')}`);
