// Scores the anonymiser and the publication check on the labelled corpus, per split (test/corpus/dev and test).
// Prints figures only — never corpus text — so its output can be pasted into an issue. `-- dev` or `-- test` for one.
import { loadSplit, reportsMade, type Split } from '../test/corpus/load-corpus.js';
import { evaluateSplit, type SplitFigures } from '../test/corpus/evaluate-split.js';
import { rate } from '../test/corpus/score.js';

function print(split: Split, s: SplitFigures): void {
  const f = s.figures;
  const u = f.unmapped;
  const precision = u.replacements === 0 ? 1 : (u.replacements - u.falsePositives) / u.replacements;
  console.log(`\n== ${split}: ${s.cases} cases, ${f.entries} entries`);
  console.log(`mapped-name mentions left in the output   ${f.mapped.left} of ${f.mapped.labels} (${rate(f.mapped.left, f.mapped.labels)})`);
  console.log(`unmapped names left unchanged             ${u.left} of ${u.labels} (${rate(u.left, u.labels)}); recall ${rate(u.labels - u.left, u.labels)}, precision ${(100 * precision).toFixed(1)}% (${u.falsePositives} of ${u.replacements} replacements touch no name)`);
  for (const [kind, c] of Object.entries(f.identifiers)) {
    console.log(`identifiers left: ${kind.padEnd(10)}              ${c.left} of ${c.labels} (${rate(c.left, c.labels)})`);
  }
  const ids = Object.values(f.identifiers).reduce((a, c) => ({ labels: a.labels + c.labels, left: a.left + c.left }), { labels: 0, left: 0 });
  console.log(`identifiers left, all kinds               ${ids.left} of ${ids.labels} (${rate(ids.left, ids.labels)})`);
  console.log(`protected terms left                      ${f.terms.left} of ${f.terms.labels} (${rate(f.terms.left, f.terms.labels)})`);
  console.log(`organisations not raised                  ${f.organisations.missed} of ${f.organisations.labels}`);
  console.log(`ordinary words damaged                    ${f.words.damaged} of ${f.words.labels} (${rate(f.words.damaged, f.words.labels)})`);
  console.log(`published places damaged / flagged        ${f.places.damaged} / ${f.places.flagged} of ${f.places.labels}`);
  console.log(`mentions given another person's initials  ${f.wrongAttribution}; doubled initials ${f.doubled}`);
  console.log(`entries with anything left                ${f.leakingEntries} of ${f.entries}`);
  const v = s.check.verdicts;
  console.log(`check on the anonymised output            verdicts pass ${v.pass} / review ${v.review} / fail ${v.fail} (cases); ${s.check.findings} findings, ${s.check.failing} at ≥ 0.5; leaking entries not flagged ${s.check.leakingUnflagged} of ${f.leakingEntries}`);
  console.log(`baseline: compromise .people() alone      touches ${rate(s.baseline.found, s.baseline.labels)} of ${s.baseline.labels} name labels`);
  for (const r of s.reports) {
    const missed = r.missedParts.length > 0 ? `; missed in ${r.missedParts.join(', ')}` : '';
    console.log(`report ${r.file.padEnd(36)} ${r.kind.padEnd(6)} verdict ${r.verdict}, ${r.findings} findings; planted leaks found ${r.found} of ${r.planted}${missed}`);
  }
  if (process.env.EVAL_MISSES === '1') {
    const cases = loadSplit(split);
    const entries = cases.flatMap((c) => c.entries);
    console.log(f.misses.map((m) => `  ${entries[m.entry]?.caseId}.txt:${entries[m.entry]?.line} ${m.kind}`).join('\n'));
  }
}

const wanted = (process.argv[2] as Split | undefined) ?? null;
for (const split of ['dev', 'test'] as const) {
  if (wanted && wanted !== split) continue;
  const cases = loadSplit(split);
  print(split, await evaluateSplit(cases, { reports: reportsMade(cases) }));
}
