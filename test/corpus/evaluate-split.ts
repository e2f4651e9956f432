// Runs the anonymiser and the publication check over one split of the corpus and scores them (score.ts).
import { readFileSync } from 'node:fs';
import { createAnonymiser } from '../../src/anonymise/anonymiser.js';
import { REPLACE_AT } from '../../src/anonymise/confidence.js';
import { fieldKindOf } from '../../src/anonymise/text-fields.js';
import { checkRedaction } from '../../src/redaction/redaction-check.js';
import { docxSegments } from '../../src/redaction/docx-parts.js';
import type { Verdict } from '../../src/redaction/verdict.js';
import { compromisePeople } from './compromise-baseline.js';
import type { CorpusCase, CorpusReport } from './load-corpus.js';
import { emptyFigures, scoreEntry, type Figures } from './score.js';

export interface ReportFigures {
  caseId: string;
  file: string;
  kind: 'leaky' | 'clean';
  verdict: Verdict;
  findings: number;
  /** Planted leaks (labels other than word and place) found by a finding in the document, per part. */
  planted: number;
  found: number;
  missedParts: string[];
}

export interface SplitFigures {
  cases: number;
  figures: Figures;
  /** The check over the anonymised entries, per case: its verdicts, and leaking entries it did not flag at all. */
  check: { verdicts: Record<Verdict, number>; findings: number; failing: number; leakingUnflagged: number };
  /** compromise's .people() alone: the share of name labels it touches. */
  baseline: { labels: number; found: number };
  reports: ReportFigures[];
}

async function scoreReport(c: CorpusCase, r: CorpusReport): Promise<ReportFigures> {
  const segments = await docxSegments(readFileSync(r.docx));
  const result = checkRedaction(segments, c.map);
  let planted = 0;
  let found = 0;
  const missedParts = new Set<string>();
  for (const piece of r.pieces) {
    for (const l of piece.labels) {
      if (l.kind === 'word' || l.kind === 'place') continue;
      planted += 1;
      const surface = piece.text.slice(l.start, l.end);
      const hit = result.findings.some((f) => {
        const seg = segments.find((s) => s.where === f.where);
        if (!seg) return false;
        const at = seg.text.indexOf(surface);
        return at >= 0 && f.start < at + surface.length && at < f.end;
      });
      if (hit) found += 1;
      else missedParts.add(piece.part);
    }
  }
  return { caseId: c.id, file: r.file, kind: r.kind, verdict: result.verdict, findings: result.findings.length, planted, found, missedParts: [...missedParts] };
}

export async function evaluateSplit(cases: readonly CorpusCase[], opts: { reports?: boolean } = {}): Promise<SplitFigures> {
  const figures = emptyFigures();
  const check = { verdicts: { pass: 0, review: 0, fail: 0 } as Record<Verdict, number>, findings: 0, failing: 0, leakingUnflagged: 0 };
  const baseline = { labels: 0, found: 0 };
  const reports: ReportFigures[] = [];
  let index = 0;
  for (const c of cases) {
    const anonymiser = createAnonymiser(c.map, 'initials');
    const initials = c.map.people.map((p) => p.initials);
    const outputs: { where: string; text: string; field: ReturnType<typeof fieldKindOf>; leaked: boolean }[] = [];
    for (const e of c.entries) {
      const field = fieldKindOf(e.field);
      const r = anonymiser.text(e.text, { field });
      const replaced = r.detections.filter((d) => d.confidence >= REPLACE_AT);
      const leaked = scoreEntry(figures, { text: e.text, labels: e.labels, replaced, found: r.detections, initials }, index++);
      outputs.push({ where: `line ${e.line}`, text: r.text ?? '', field, leaked });
      const names = e.labels.filter((l) => l.kind === 'mapped' || l.kind === 'amb' || l.kind === 'person');
      if (names.length > 0) {
        const spans = compromisePeople(e.text);
        baseline.labels += names.length;
        baseline.found += names.filter((l) => spans.some((s) => s.start < l.end && l.start < s.end)).length;
      }
    }
    const result = checkRedaction(outputs.map(({ where, text, field }) => ({ where, text, field })), c.map, { nlp: false });
    check.verdicts[result.verdict] += 1;
    check.findings += result.findings.length;
    check.failing += result.findings.filter((f) => f.confidence >= REPLACE_AT).length;
    const flagged = new Set(result.findings.map((f) => f.where));
    check.leakingUnflagged += outputs.filter((o) => o.leaked && !flagged.has(o.where)).length;
    if (opts.reports) for (const r of c.reports) reports.push(await scoreReport(c, r));
  }
  return { cases: cases.length, figures, check, baseline, reports };
}
