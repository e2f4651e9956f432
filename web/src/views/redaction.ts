// Redaction check before publication: the anonymised chronology, pasted text or a document; findings in context.
import { api, messageOf, postForm } from '../api.js';
import { casePath, type Ctx } from '../context.js';
import { announce, errorSummary, field, h, plural, scroller, table, ukDate } from '../dom.js';
import type { Finding, RedactionResult, Timeline, TimelineEntry } from '../types.js';
import { describeWhere, highlighted, kindLabel, paragraphs, placeOf } from './highlight.js';

type Source = 'timeline' | 'text' | 'file';

export function renderRedaction(container: HTMLElement, ctx: Ctx): void {
  const sources: [Source, string][] = [
    ['timeline', 'The anonymised combined chronology'],
    ['text', 'Text I paste in (for example the executive summary)'],
    ['file', 'A document (.docx or .txt)'],
  ];
  const radios = sources.map(([value, text]) =>
    h('div', { class: 'radio' }, h('input', { type: 'radio', name: 'source', value, id: `source-${value}`, class: 'radio__input', ...(value === 'timeline' ? { checked: true } : {}) }), h('label', { for: `source-${value}`, class: 'radio__label' }, text)),
  );
  const text = h('textarea', { name: 'text', class: 'textarea', rows: 10, spellcheck: 'false' });
  const textField = field('Text to check', text);
  const file = h('input', { type: 'file', name: 'file', class: 'file-input', accept: '.docx,.txt' });
  const fileField = field('Document to check', file, 'An overview report or executive summary saved as .docx, or plain text.');
  const outcome = h('div', {});
  const submit = h('button', { type: 'submit', class: 'button button--primary' }, 'Run the check');
  const chosen = (): Source => (container.querySelector<HTMLInputElement>('input[name="source"]:checked')?.value as Source | undefined) ?? 'timeline';
  const sync = () => {
    textField.hidden = chosen() !== 'text';
    fileField.hidden = chosen() !== 'file';
  };
  for (const r of radios) r.querySelector('input')?.addEventListener('change', sync);
  sync();

  const form = h(
    'form',
    { class: 'form', novalidate: true },
    h('fieldset', { class: 'fieldset' }, h('legend', { class: 'fieldset__legend' }, 'What do you want to check?'), ...radios),
    textField,
    fileField,
    submit,
  );

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const source = chosen();
    const picked = file.files?.[0];
    if (source === 'text' && !text.value.trim()) return void outcome.replaceChildren(errorSummary('There is a problem', ['Paste the text to check.']));
    if (source === 'file' && !picked) return void outcome.replaceChildren(errorSummary('There is a problem', ['Choose a .docx or .txt file.']));
    const path = casePath(ctx, '/redaction-check');
    let request: Promise<RedactionResult>;
    if (source === 'text') request = api<RedactionResult>('POST', path, { text: text.value });
    else if (source === 'file' && picked) {
      const body = new FormData();
      body.append('file', picked, picked.name);
      request = postForm<RedactionResult>(path, body);
    } else request = postForm<RedactionResult>(path);
    submit.disabled = true;
    outcome.replaceChildren(h('p', { class: 'hint', role: 'status' }, 'Checking…'));
    request
      .then(async (res) => {
        const shown = await contextFor(ctx, source, res.findings, text.value, picked);
        outcome.replaceChildren(renderResult(res, shown));
        announce(res.verdict === 'pass' ? 'Check passed.' : `Check failed: ${plural(res.findings.length, 'finding')}.`);
      })
      .catch((err: unknown) => outcome.replaceChildren(errorSummary('The check could not be run', [messageOf(err)])))
      .finally(() => (submit.disabled = false));
  });

  container.replaceChildren(
    h('h1', { class: 'heading-xl', id: 'redaction-title' }, 'Redaction check'),
    h('p', { class: 'lead' }, 'Before anything is published, check that no names or identifying details are left: mapped names, other likely names, phone numbers, addresses, reference numbers and more.'),
    form,
    outcome,
  );
}

interface Shown {
  blocks: HTMLElement[];
  /** Names a timeline entry by date, agency and source row, for the findings table. */
  entryLabel: (id: string) => string | null;
}

const block = (where: string, marked: HTMLElement) => h('div', { class: 'context-block' }, h('p', { class: 'context-where' }, where), marked);

/** The text each finding sits in, highlighted, one block per paragraph or timeline field. */
async function contextFor(ctx: Ctx, source: Source, findings: Finding[], pasted: string, picked: File | undefined): Promise<Shown> {
  const none: Shown = { blocks: [], entryLabel: () => null };
  if (findings.length === 0) return none;
  const isTxt = source === 'file' && picked !== undefined && /\.txt$/i.test(picked.name);
  if (source === 'text' || isTxt) {
    const paras = paragraphs(isTxt && picked ? await picked.text() : pasted);
    const byPara = new Map<number, Finding[]>();
    for (const f of findings) {
      const n = placeOf(f.where).paragraph;
      if (n !== null) byPara.set(n, [...(byPara.get(n) ?? []), f]);
    }
    const blocks = [...byPara.entries()].sort(([a], [b]) => a - b).flatMap(([n, fs]) => {
      const marked = highlighted(paras[n - 1] ?? '', fs);
      return marked ? [block(`Paragraph ${n}`, marked)] : [];
    });
    return { ...none, blocks };
  }
  if (source === 'timeline') {
    let entries: TimelineEntry[];
    try {
      entries = (await api<Timeline>('GET', casePath(ctx, '/timeline?names=initials'))).entries;
    } catch {
      entries = [];
    }
    const byId = new Map(entries.map((e) => [e.id, e]));
    const entryLabel = (id: string) => {
      const e = byId.get(id);
      return e ? `${ukDate(e.date)} · ${e.agency} · row ${e.provenance.row}` : null;
    };
    const groups = new Map<string, { entry: TimelineEntry; fieldName: string; findings: Finding[] }>();
    for (const f of findings) {
      const place = placeOf(f.where);
      const entry = place.entryId ? byId.get(place.entryId) : undefined;
      if (!entry) continue;
      const fieldName = place.field ?? 'event';
      const key = `${entry.id}/${fieldName}`;
      const g = groups.get(key) ?? { entry, fieldName, findings: [] };
      g.findings.push(f);
      groups.set(key, g);
    }
    const blocks = [...groups.values()].flatMap(({ entry, fieldName, findings: fs }) => {
      const value = (entry as unknown as Record<string, unknown>)[fieldName];
      const marked = typeof value === 'string' ? highlighted(value, fs) : null;
      return marked ? [block(`${entryLabel(entry.id) ?? ''} · ${fieldName}`, marked)] : [];
    });
    return { blocks, entryLabel };
  }
  // A .docx is read on the server; show the text around each finding when the service sends it.
  const blocks = findings.flatMap((f) => {
    const marked = f.context ? highlighted(f.context, [f]) : null;
    return marked ? [block(describeWhere(f.where), marked)] : [];
  });
  return { ...none, blocks };
}

function confidenceText(c: number | string): string {
  if (typeof c === 'number') return c <= 1 ? `${Math.round(c * 100)}%` : String(c);
  return c;
}

function renderResult(res: RedactionResult, shown: Shown): HTMLElement {
  const pass = res.verdict === 'pass';
  const verdict = h(
    'div',
    { class: `panel ${pass ? 'panel--success' : 'panel--fail'}`, id: 'redaction-verdict', role: 'status', tabindex: -1 },
    h('h2', { class: 'panel__title' }, pass ? 'Passed: nothing identifying was found' : `Failed: ${plural(res.findings.length, 'finding')} to fix before publication`),
  );
  window.setTimeout(() => verdict.focus(), 0);
  if (res.findings.length === 0) return h('div', {}, verdict);
  const rows = res.findings.map((f) => [
    h('strong', { class: `tag tag--kind finding--${f.kind}` }, kindLabel(f.kind)),
    h('code', { class: 'cell-value' }, f.text),
    describeWhere(f.where, shown.entryLabel),
    confidenceText(f.confidence),
    f.suggestion ?? '',
  ]);
  return h(
    'div',
    { id: 'redaction-result' },
    verdict,
    h('h2', { class: 'heading-l' }, 'Findings'),
    scroller('Findings', table('What was found', ['Kind', 'Found', 'Where', 'Confidence', 'Suggestion'], rows, 'table table--findings')),
    shown.blocks.length > 0 ? h('div', {}, h('h2', { class: 'heading-l' }, 'In context'), h('div', { class: 'context-list' }, ...shown.blocks)) : null,
  );
}
