// Redaction check before publication: the anonymised chronology, pasted text or a document; findings in context.
import { api, messageOf, postForm } from '../api.js';
import { casePath, type Ctx } from '../context.js';
import { announce, button, errorSummary, field, h, plural, scroller, table, ukDate } from '../dom.js';
import type { Decision, Finding, RedactionResult, SignOffStatus, Timeline, TimelineEntry } from '../api-types.js';
import { prefillPerson } from '../prefill.js';
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
        const chair = ctx.session.role === 'chair' || ctx.session.role === 'admin';
        const actions: Actions | null = chair ? { ctx, rerun: () => form.requestSubmit(), signOff: source === 'timeline' } : null;
        outcome.replaceChildren(renderResult(res, shown, actions));
        announce(`${verdictTitle(res)}.`);
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
  // A .docx is read on the server, and a finding carries no text around it: the list says where each one is.
  return none;
}

function confidenceText(c: number): string {
  return c <= 1 ? `${Math.round(c * 100)}%` : String(c);
}

/** What the chair may do from the results: decide a finding, add a name to the map, sign off the timeline. */
interface Actions {
  ctx: Ctx;
  rerun: () => void;
  /** The anonymised timeline was checked: sign-off is offered on pass. */
  signOff: boolean;
}

const open = (res: RedactionResult): Finding[] => res.findings.filter((f) => !f.decision);

function verdictTitle(res: RedactionResult): string {
  const left = open(res).length;
  if (res.verdict === 'pass') return res.findings.length === 0 ? 'Passed: nothing identifying was found' : 'Passed: every finding has your decision';
  if (res.verdict === 'review') return `Review: ${plural(left, 'finding')} to decide before publication`;
  return `Failed: ${plural(left, 'finding')} to fix before publication`;
}

const VERDICT_TEXT: Record<RedactionResult['verdict'], string> = {
  pass: 'Nothing is left open. The anonymised chronology can be signed off for publication.',
  review: 'Nothing was found that the service is sure identifies someone, but some things need your decision: for each, add it to the map, mark it as not a name, or keep it.',
  fail: 'Names or identifying details are still in the text. Fix them (or add the person to the map) and check again. Publication is not possible until the check passes.',
};

/** Saves one more decision: the whole list is read, the text's decision replaced, and the list written back. */
async function decide(ctx: Ctx, text: string, decision: Decision['decision']): Promise<void> {
  const { decisions } = await api<{ decisions: Decision[] }>('GET', casePath(ctx, '/decisions'));
  const others = decisions.filter((d) => d.text.toLowerCase() !== text.toLowerCase()).map((d) => ({ text: d.text, decision: d.decision, ...(d.note ? { note: d.note } : {}) }));
  await api('PUT', casePath(ctx, '/decisions'), { decisions: [...others, { text, decision }] });
}

function actionsFor(f: Finding, a: Actions, status: HTMLElement): HTMLElement {
  if (f.decision) return h('span', { class: 'tag' }, f.decision === 'keep' ? 'Kept' : 'Not a name');
  const act = (label: string, run: () => Promise<void>) =>
    button(label, () => {
      run().then(
        () => a.rerun(),
        (err: unknown) => status.replaceChildren(errorSummary('The decision was not saved', [messageOf(err)])),
      );
    }, 'secondary', { class: 'button button--secondary button--small', 'aria-label': `${label}: ${f.text}` });
  const names = f.kind === 'person' || f.kind === 'mapped-name';
  return h(
    'div',
    { class: 'button-group button-group--compact' },
    names
      ? button('Add to the map', () => {
          prefillPerson(f.text);
          a.ctx.go('people');
        }, 'secondary', { class: 'button button--secondary button--small', 'aria-label': `Add to the map: ${f.text}` })
      : null,
    names ? act('Not a name', () => decide(a.ctx, f.text, 'not-a-name')) : null,
    act('Keep', () => decide(a.ctx, f.text, 'keep')),
  );
}

/** The sign-off panel: the latest sign-off and whether it holds, and the button when the check passed. */
function signOffPanel(res: RedactionResult, a: Actions): HTMLElement {
  const panel = h('div', { class: 'sign-off', id: 'sign-off' }, h('h2', { class: 'heading-l' }, 'Sign-off for publication'));
  const state = h('p', { class: 'body', id: 'sign-off-state', role: 'status' }, 'Looking up the latest sign-off…');
  panel.append(state);
  const show = (s: SignOffStatus) => {
    state.textContent = s.signOff
      ? `Last signed off ${new Date(s.signOff.at).toLocaleString('en-GB')} (${plural(s.signOff.entries, 'entry', 'entries')}): ${s.holds ? 'it still holds — nothing has changed since.' : 'it no longer holds — an upload, the map or a decision has changed since.'}`
      : 'The anonymised chronology has not been signed off.';
  };
  api<SignOffStatus>('GET', casePath(a.ctx, '/sign-off')).then(show, () => (state.textContent = 'The sign-off status could not be read.'));
  if (res.verdict === 'pass') {
    panel.append(
      button('Sign off the anonymised chronology', () => {
        api<{ at: string }>('POST', casePath(a.ctx, '/sign-off')).then(
          () => {
            api<SignOffStatus>('GET', casePath(a.ctx, '/sign-off')).then(show, () => undefined);
            announce('Signed off for publication.');
          },
          (err: unknown) => panel.append(errorSummary('The sign-off was not recorded', [messageOf(err)])),
        );
      }, 'primary', { id: 'sign-off-button' }),
    );
  } else panel.append(h('p', { class: 'hint' }, 'Sign-off is offered once the check passes.'));
  return panel;
}

function renderResult(res: RedactionResult, shown: Shown, actions: Actions | null): HTMLElement {
  const kind = res.verdict === 'pass' ? 'success' : res.verdict === 'review' ? 'warning' : 'fail';
  const verdict = h(
    'div',
    { class: `panel panel--${kind}`, id: 'redaction-verdict', role: 'status', tabindex: -1, 'data-verdict': res.verdict },
    h('h2', { class: 'panel__title' }, verdictTitle(res)),
    h('p', { class: 'panel__body' }, VERDICT_TEXT[res.verdict]),
  );
  window.setTimeout(() => verdict.focus(), 0);
  const status = h('div', {});
  const signOff = actions?.signOff ? signOffPanel(res, actions) : null;
  if (res.findings.length === 0) return h('div', { id: 'redaction-result' }, verdict, signOff);
  const head = ['Kind', 'Found', 'Where', 'Confidence', 'Suggestion', ...(actions ? ['Your decision'] : [])];
  const rows = res.findings.map((f) => [
    h('strong', { class: `tag tag--kind finding--${f.kind}` }, kindLabel(f.kind)),
    h('code', { class: 'cell-value' }, f.text),
    describeWhere(f.where, shown.entryLabel),
    confidenceText(f.confidence),
    f.suggestion ?? '',
    ...(actions ? [actionsFor(f, actions, status)] : []),
  ]);
  return h(
    'div',
    { id: 'redaction-result' },
    verdict,
    status,
    h('h2', { class: 'heading-l' }, 'Findings'),
    scroller('Findings', table('What was found', head, rows, 'table table--findings')),
    shown.blocks.length > 0 ? h('div', {}, h('h2', { class: 'heading-l' }, 'In context'), h('div', { class: 'context-list' }, ...shown.blocks)) : null,
    signOff,
  );
}
