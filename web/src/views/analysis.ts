// Contacts over time, for the chair: the swimlane timeline, gaps, first and last contacts and contacts per month,
// each chart with its table behind it; entries in the names mode chosen, an author's own agency only.
import { api, messageOf } from '../api.js';
import type { Analysis } from '../api-types.js';
import { monthCharts } from '../charts/month-chart.js';
import { swimlane } from '../charts/swimlane.js';
import { agencyKey } from '../charts/svg.js';
import { casePath, type Ctx } from '../context.js';
import { announce, errorSummary, field, h, plural, scroller, table, ukDate } from '../dom.js';
import type { NamesMode, Timeline, TimelineEntry } from '../api-types.js';
import { flagText } from './timeline-table.js';

const modeText: Record<NamesMode, string> = { initials: 'Anonymised, with initials', pseudonym: 'Anonymised, with pseudonyms', real: 'Real names' };

/** The names modes this token may read the entries in, the first being the default. */
function modesOf(ctx: Ctx): NamesMode[] {
  const role = ctx.session.role;
  if (role === 'chair' || role === 'admin') return ['initials', 'pseudonym', 'real'];
  if (role === 'reader' || ctx.caseRecord?.authorsSeeMergedTimeline) return ['initials', 'pseudonym'];
  return ['real']; // an author's own agency, which the author wrote
}

const summaryOf = (e: TimelineEntry): string => {
  const text = e.event.replace(/\s+/g, ' ').trim();
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
};

export function describeEntry(e: TimelineEntry): string {
  const when = `${ukDate(e.date)}${e.datePrecision === 'day' ? '' : ` (${e.datePrecision} only)`}${e.time ? ` ${e.time}` : ''}`;
  const flags = e.flags.length > 0 ? ` [${e.flags.map((f) => flagText[f]).join(', ')}]` : '';
  return `${when}, ${e.agency}${e.seen === true ? ', victim seen' : ''}${flags}: ${summaryOf(e)}`;
}

function legend(): HTMLElement {
  const item = (cls: string, text: string) => h('li', { class: `legend__item legend__item--${cls}` }, text);
  return h('ul', { class: 'legend', 'aria-label': 'Key' }, item('contact', 'Contact'), item('seen', 'Victim seen'), item('approx', 'Dated to the month or year only'), item('flag', 'Flagged (duplicate, outside the period, date unclear)'), item('gap', 'Gap: no contact from any agency'));
}

export async function renderAnalysis(container: HTMLElement, ctx: Ctx): Promise<void> {
  const c = ctx.caseRecord;
  if (!c) return;
  const modes = modesOf(ctx);
  const radios = modes.map((m, i) =>
    h('div', { class: 'radio' }, h('input', { type: 'radio', name: 'chart-names', value: m, id: `chart-names-${m}`, class: 'radio__input', ...(i === 0 ? { checked: true } : {}) }), h('label', { for: `chart-names-${m}`, class: 'radio__label' }, modeText[m])),
  );
  const gapDays = h('input', { type: 'number', name: 'gapDays', min: 1, max: 3650, value: 90, class: 'input input--short', inputmode: 'numeric' });
  const status = h('div', { 'aria-live': 'polite' });
  const body = h('div', {});
  const names = (): NamesMode => (container.querySelector<HTMLInputElement>('input[name="chart-names"]:checked')?.value as NamesMode | undefined) ?? modes[0] ?? 'initials';

  const load = async () => {
    const days = Number(gapDays.value);
    if (!Number.isInteger(days) || days < 1 || days > 3650) {
      gapDays.setAttribute('aria-invalid', 'true');
      status.replaceChildren(errorSummary('There is a problem', ['Give the gap as a whole number of days, from 1 to 3650.']));
      return;
    }
    gapDays.removeAttribute('aria-invalid');
    status.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
    try {
      const [a, t] = await Promise.all([api<Analysis>('GET', casePath(ctx, `/analysis?gapDays=${days}`)), api<Timeline>('GET', casePath(ctx, `/timeline?names=${names()}`))]);
      draw(a, t.entries);
      status.replaceChildren(h('p', { class: 'body', id: 'analysis-count' }, `${plural(t.entries.length, 'entry', 'entries')} from ${plural(a.agencies.length, 'agency', 'agencies')}, ${modeText[names()].toLowerCase()}.`));
      announce(`${plural(t.entries.length, 'entry', 'entries')} drawn.`);
    } catch (err) {
      status.replaceChildren(errorSummary('The analysis could not be loaded', [messageOf(err)]));
      body.replaceChildren();
    }
  };

  const draw = (a: Analysis, entries: TimelineEntry[]) => {
    const lanes = a.agencies.map((x) => x.agency);
    for (const e of entries) if (!lanes.some((l) => agencyKey(l) === agencyKey(e.agency))) lanes.push(e.agency);
    const details = h('p', { class: 'mark-details', id: 'mark-details', 'aria-live': 'polite' }, 'Point at or move to an entry to see it here.');
    const rows = entries.map((e) =>
      h(
        'tr',
        { 'data-entry': e.id, class: e.flags.length > 0 ? 'row--flagged' : '' },
        h('td', { class: 'nowrap' }, ukDate(e.date), e.datePrecision === 'day' ? null : h('span', { class: 'cell-note' }, `${e.datePrecision} only`)),
        h('td', { class: 'nowrap' }, e.time ?? ''),
        h('td', {}, e.agency),
        h('td', {}, e.seen === null ? '–' : e.seen ? 'Yes' : 'No'),
        h('td', {}, e.flags.map((f) => flagText[f]).join(', ')),
        h('td', {}, summaryOf(e)),
      ),
    );
    const contacts = h('details', { class: 'details', id: 'contacts-table' }, h('summary', {}, `Every entry as a table (${plural(entries.length, 'entry', 'entries')})`), scroller('Entries', table('Entries drawn in the swimlane timeline', ['Date', 'Time', 'Agency', 'Victim seen', 'Flags', 'Summary'], [], 'table table--contacts')));
    contacts.querySelector('tbody')?.append(...rows);
    const open = (e: TimelineEntry) => {
      contacts.open = true;
      const row = contacts.querySelector<HTMLTableRowElement>(`tr[data-entry="${CSS.escape(e.id)}"]`);
      if (!row) return;
      for (const r of contacts.querySelectorAll('.row--current')) r.classList.remove('row--current');
      row.classList.add('row--current');
      row.tabIndex = -1;
      row.scrollIntoView({ block: 'center' });
      row.focus();
    };
    // Printing shows the entries table too, which a closed <details> would hide.
    window.addEventListener('beforeprint', () => (contacts.open = true), { once: true });
    const chart = swimlane({ lanes, entries, gaps: a.gaps, period: c.reviewPeriod, describe: describeEntry, onShow: (e) => (details.textContent = describeEntry(e)), onOpen: open });

    const gapRows = a.gaps.map((g) => [ukDate(g.from), ukDate(g.to), String(g.days), g.approximate ? String(g.approximate) : '–']);
    const agencyRows = a.agencies.map((x) => [x.agency, x.first ? ukDate(x.first) : '–', x.last ? ukDate(x.last) : '–', String(x.contacts), String(x.seen), String(x.approximate), String(x.outside)]);
    const months = [...new Set(a.months.map((m) => m.month))];
    const cell = (agency: string, month: string): string => {
      const m = a.months.find((x) => x.agency === agency && x.month === month);
      if (!m || m.contacts === 0) return '0';
      return `${m.contacts} (${m.seen} seen${m.approximate ? `, ${m.approximate} month only` : ''})`;
    };
    const monthRows = months.map((m) => [`${m.slice(5, 7)}/${m.slice(0, 4)}`, ...a.agencies.map((x) => cell(x.agency, m))]);

    body.replaceChildren(
      h('h2', { class: 'heading-l', id: 'swimlane-title' }, 'Swimlane timeline'),
      h('p', { class: 'body' }, `One lane per agency across the review period (${ukDate(a.period.from)} to ${ukDate(a.period.to)}); entries outside it are drawn in the pale bands at the ends.`),
      legend(),
      h('figure', { class: 'chart', id: 'swimlane' }, chart),
      details,
      contacts,
      h('h2', { class: 'heading-l' }, `Gaps of more than ${plural(a.gapDays, 'day')}`),
      a.gaps.length > 0 ? scroller('Gaps', table('Periods with no contact from any agency', ['From', 'To', 'Days', 'Entries dated to the month or year only that may fall in it'], gapRows, 'table table--gaps')) : h('p', { class: 'body' }, 'No gap that long.'),
      h('h2', { class: 'heading-l' }, 'First and last contact'),
      scroller('First and last contact', table('Each agency’s contacts in the period', ['Agency', 'First', 'Last', 'Contacts', 'Victim seen', 'Dated to the month or year only', 'Outside the period'], agencyRows, 'table table--agencies')),
      h('h2', { class: 'heading-l', id: 'months-title' }, 'Contacts per month'),
      h('p', { class: 'body' }, 'Each bar is a month’s contacts; its dark part those where the victim was seen. All agencies share one scale.'),
      h('figure', { class: 'chart', id: 'month-charts' }, ...monthCharts(a)),
      scroller('Contacts per month', table('Contacts per month by agency (victim seen in brackets)', ['Month', ...a.agencies.map((x) => x.agency)], monthRows, 'table table--months')),
      h('p', { class: 'hint' }, a.counting),
    );
  };

  const form = h('form', { class: 'filters', novalidate: true }, modes.length > 1 ? h('fieldset', { class: 'fieldset' }, h('legend', { class: 'fieldset__legend' }, 'Names'), ...radios) : null, field('Report gaps longer than (days)', gapDays), h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button button--primary' }, 'Show')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void load();
  });
  for (const r of radios) r.querySelector('input')?.addEventListener('change', () => void load());
  container.replaceChildren(
    h('h1', { class: 'heading-xl', id: 'analysis-title' }, 'Contacts over time'),
    h('p', { class: 'lead' }, 'How often each agency had contact and saw the victim, and the long silences, across the review period.'),
    form,
    status,
    body,
  );
  await load();
}
