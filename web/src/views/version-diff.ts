// What a re-upload changed: one agency's version against another, "version 2 against version 1: 1 added, 1 removed,
// 1 changed", each entry's before and after side by side, the changed fields marked in words as well as in bold.
import { api, messageOf } from '../api.js';
import type { DiffEntry, DiffField, VersionDiff } from '../api-types.js';
import { casePath, type Ctx } from '../context.js';
import { announce, errorSummary, field, h, plural, scroller, ukDate } from '../dom.js';
import type { NamesMode, Submission } from '../api-types.js';

const fieldNames: Record<DiffField, string> = {
  date: 'date',
  time: 'time',
  agency: 'agency',
  source: 'source',
  professional: 'professional',
  contact: 'contact with',
  event: 'event',
  outcome: 'outcome',
  seen: 'victim seen',
  comment: 'comment',
  extra: 'other columns',
};

function entryCell(e: DiffEntry | null, changed: readonly DiffField[]): HTMLElement {
  if (!e) return h('td', { class: 'diff__none' }, '—');
  const part = (f: DiffField, label: string, value: string | null) => {
    if (value === null || value === '') return null;
    const mark = changed.includes(f);
    return h('p', { class: `cell-text${mark ? ' diff__changed' : ''}` }, h('strong', {}, `${label}: `), value, mark ? h('span', { class: 'cell-note' }, ' (changed)') : null);
  };
  const extra = Object.entries(e.extra).map(([k, v]) => `${k}: ${v}`).join('; ');
  return h(
    'td',
    { class: 'diff__side' },
    part('date', 'Date', `${ukDate(e.date)}${e.time ? ` ${e.time}` : ''}`),
    changed.includes('time') && !e.time ? part('time', 'Time', 'none') : null,
    part('source', 'Source', e.source),
    part('professional', 'Professional', e.professional),
    part('contact', 'Contact with', e.contact),
    part('event', 'Event', e.event),
    part('outcome', 'Outcome', e.outcome),
    part('seen', 'Victim seen', e.seen === null ? (changed.includes('seen') ? 'not recorded' : null) : e.seen ? 'yes' : 'no'),
    part('comment', 'Comment', e.comment),
    part('extra', 'Other columns', extra),
    h('span', { class: 'cell-note' }, `row ${e.provenance.row}`),
  );
}

export function diffTable(d: VersionDiff): HTMLElement {
  const before = d.from ? `Version ${d.from.version}` : 'Before';
  const after = `Version ${d.to.version}`;
  const rows = [
    ...d.changed.map((c) => h('tr', { class: 'diff__row diff__row--changed' }, h('th', { scope: 'row' }, 'Changed: ', c.fields.map((f) => fieldNames[f]).join(', ')), entryCell(c.before, c.fields), entryCell(c.after, c.fields))),
    ...d.added.map((e) => h('tr', { class: 'diff__row diff__row--added' }, h('th', { scope: 'row' }, 'Added'), entryCell(null, []), entryCell(e, []))),
    ...d.removed.map((e) => h('tr', { class: 'diff__row diff__row--removed' }, h('th', { scope: 'row' }, 'Removed'), entryCell(e, []), entryCell(null, []))),
  ];
  return h(
    'table',
    { class: 'table table--diff' },
    h('caption', { class: 'table__caption' }, `${d.agency}: what changed from ${before.toLowerCase()} to ${after.toLowerCase()}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Change'), h('th', { scope: 'col' }, before), h('th', { scope: 'col' }, after))),
    h('tbody', {}, ...rows),
  );
}

export function diffSummary(d: VersionDiff): string {
  const against = d.from ? `version ${d.from.version}` : 'nothing (the first upload)';
  return `Version ${d.to.version} against ${against}: ${d.summary.added} added, ${d.summary.removed} removed, ${d.summary.changed} changed (${plural(d.summary.unchanged, 'entry', 'entries')} the same).`;
}

/** The compare form under the version history: agency, the two versions (default the latest two), names. */
export function versionDiffSection(ctx: Ctx, list: readonly Submission[]): HTMLElement {
  const byAgency = new Map<string, Submission[]>();
  for (const s of list) byAgency.set(s.agency, [...(byAgency.get(s.agency) ?? []), s].sort((a, b) => a.version - b.version));
  const agencies = [...byAgency.keys()].sort((a, b) => a.localeCompare(b, 'en-GB'));
  const agency = h('select', { name: 'diff-agency', class: 'select' }, ...agencies.map((a) => h('option', { value: a }, a)));
  const from = h('select', { name: 'diff-from', class: 'select' });
  const to = h('select', { name: 'diff-to', class: 'select' });
  const mayReal = ctx.session.role === 'chair' || ctx.session.role === 'admin';
  const names = h('select', { name: 'diff-names', class: 'select' }, ...(mayReal ? (['initials', 'pseudonym', 'real'] as NamesMode[]) : []).map((m) => h('option', { value: m }, m === 'real' ? 'Real names' : `Anonymised (${m})`)));
  const result = h('div', { 'aria-live': 'polite', id: 'diff-result' });

  const fillVersions = () => {
    const versions = byAgency.get(agency.value) ?? [];
    const option = (s: Submission, selected: boolean) => h('option', { value: s.version, ...(selected ? { selected: true } : {}) }, `Version ${s.version}${s.current ? ' (current)' : ''}`);
    to.replaceChildren(...versions.map((s, i) => option(s, i === versions.length - 1)));
    from.replaceChildren(...versions.map((s, i) => option(s, i === versions.length - 2)));
    if (versions.length < 2) from.replaceChildren(h('option', { value: '' }, 'None (first upload)'));
  };
  agency.addEventListener('change', fillVersions);
  fillVersions();

  const compare = async () => {
    const p = new URLSearchParams({ agency: agency.value, to: to.value });
    if (from.value) p.set('from', from.value);
    if (mayReal) p.set('names', names.value);
    result.replaceChildren(h('p', { class: 'hint' }, 'Comparing…'));
    try {
      const d = await api<VersionDiff>('GET', casePath(ctx, `/chronologies/diff?${p.toString()}`));
      const nothing = d.added.length + d.removed.length + d.changed.length === 0;
      result.replaceChildren(h('h3', { class: 'heading-m', id: 'diff-summary' }, diffSummary(d)), nothing ? h('p', { class: 'body' }, 'Nothing changed.') : scroller('What changed', diffTable(d)));
      announce(diffSummary(d));
    } catch (err) {
      result.replaceChildren(errorSummary('The versions could not be compared', [messageOf(err)]));
    }
  };
  const form = h(
    'form',
    { class: 'filters', novalidate: true },
    h('div', { class: 'inline-fields' }, field('Agency to compare', agency), field('Compare version', to), field('Against version', from), mayReal ? field('Names', names) : null),
    h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button button--primary' }, 'Compare versions')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void compare();
  });
  return h('div', { class: 'version-diff' }, h('h2', { class: 'heading-l', id: 'compare' }, 'What a re-upload changed'), h('p', { class: 'body' }, 'Compare two versions of one agency’s chronology: entries added, removed and changed, before and after side by side.'), agencies.length > 0 ? form : h('p', { class: 'body' }, 'Nothing has been uploaded yet.'), result);
}
