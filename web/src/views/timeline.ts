// The combined chronology: names mode, filters, paged table, and downloads in four formats.
import { api, download, messageOf } from '../api.js';
import { casePath, type Ctx } from '../context.js';
import { announce, button, errorSummary, field, fill, h, notice, plural, scroller } from '../dom.js';
import { isoFromUk } from '../dates.js';
import type { NamesMode, Timeline, TimelineEntry } from '../api-types.js';
import { pageTable, pager } from './timeline-table.js';

const namesLabels: Record<NamesMode, string> = { initials: 'anonymised: initials', pseudonym: 'anonymised: pseudonyms', real: 'real names' };

export async function renderTimeline(container: HTMLElement, ctx: Ctx): Promise<void> {
  const mayReal = ctx.session.role === 'chair' || ctx.session.role === 'admin';
  const modes: NamesMode[] = mayReal ? ['initials', 'pseudonym', 'real'] : ['initials', 'pseudonym'];
  const modeText: Record<NamesMode, string> = { initials: 'Anonymised, with initials', pseudonym: 'Anonymised, with pseudonyms', real: 'Real names (for the panel only)' };
  const radios = modes.map((m) =>
    h('div', { class: 'radio' }, h('input', { type: 'radio', name: 'names', value: m, id: `names-${m}`, class: 'radio__input', ...(m === 'initials' ? { checked: true } : {}) }), h('label', { for: `names-${m}`, class: 'radio__label' }, modeText[m])),
  );
  const from = h('input', { type: 'text', name: 'from', class: 'input input--date', inputmode: 'numeric', autocomplete: 'off' });
  const to = h('input', { type: 'text', name: 'to', class: 'input input--date', inputmode: 'numeric', autocomplete: 'off' });
  const person = h('input', { type: 'text', name: 'person', class: 'input', autocomplete: 'off' });
  const q = h('input', { type: 'search', name: 'q', class: 'input', autocomplete: 'off' });
  const seen = h('select', { name: 'seen', class: 'select' }, h('option', { value: '' }, 'Any'), h('option', { value: 'true' }, 'Seen'), h('option', { value: 'false' }, 'Not seen'));
  const agencyBox = h('div', { class: 'checkbox-list' });
  const pageSize = h('select', { name: 'pageSize', class: 'select' }, ...[50, 100, 250].map((n) => h('option', { value: n, ...(n === 100 ? { selected: true } : {}) }, String(n))));

  const status = h('div', { 'aria-live': 'polite' });
  const results = h('div', {});
  const downloadMsg = h('div', { 'aria-live': 'polite' });
  let agencies: string[] = [];
  let entries: TimelineEntry[] = [];
  let page = 0;

  const names = (): NamesMode => (container.querySelector<HTMLInputElement>('input[name="names"]:checked')?.value as NamesMode | undefined) ?? 'initials';
  const query = (format: string): string => {
    const p = new URLSearchParams({ format, names: names() });
    const f = isoFromUk(from.value);
    const t = isoFromUk(to.value);
    if (f) p.set('from', f);
    if (t) p.set('to', t);
    for (const box of agencyBox.querySelectorAll<HTMLInputElement>('input:checked')) p.append('agency', box.value);
    if (person.value.trim()) p.set('person', person.value.trim());
    if (q.value.trim()) p.set('q', q.value.trim());
    if (seen.value) p.set('seen', seen.value);
    return `?${p.toString()}`;
  };

  const drawAgencies = () => {
    const checked = new Set([...agencyBox.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value));
    agencyBox.replaceChildren(
      ...agencies.map((a, i) => h('div', { class: 'checkbox checkbox--small' }, h('input', { type: 'checkbox', id: `agency-${i}`, value: a, class: 'checkbox__input', ...(checked.has(a) ? { checked: true } : {}) }), h('label', { for: `agency-${i}`, class: 'checkbox__label' }, a))),
    );
    if (agencies.length === 0) agencyBox.append(h('p', { class: 'hint' }, 'Agencies appear here once chronologies are uploaded.'));
  };

  const drawPage = (focusTable = false) => {
    const size = Number(pageSize.value);
    const pages = Math.max(1, Math.ceil(entries.length / size));
    page = Math.min(Math.max(0, page), pages - 1);
    if (entries.length === 0) {
      results.replaceChildren(h('p', { class: 'body' }, 'No entries match.'));
      return;
    }
    const go = (p: number) => {
      page = p;
      drawPage(true);
    };
    const tableWrap = scroller('Combined chronology table', pageTable(entries, page * size, size, namesLabels[names()]));
    results.replaceChildren(pager(page, pages, entries.length, size, go, 'top'), tableWrap, pager(page, pages, entries.length, size, go, 'bottom'));
    if (focusTable) tableWrap.focus();
  };

  const load = async () => {
    const bad = [from, to].filter((i) => i.value.trim() && !isoFromUk(i.value));
    for (const i of [from, to]) i.toggleAttribute('aria-invalid', bad.includes(i));
    if (bad.length > 0) {
      status.replaceChildren(errorSummary('There is a problem', ['Type dates day first, for example 01/03/2013, 03/2013 or 2013.']));
      return;
    }
    status.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
    try {
      const t = await api<Timeline>('GET', casePath(ctx, `/timeline${query('json')}`));
      entries = t.entries;
      page = 0;
      const seenAgencies = new Set(agencies);
      for (const e of entries) seenAgencies.add(e.agency);
      agencies = [...seenAgencies].sort((a, b) => a.localeCompare(b, 'en-GB'));
      drawAgencies();
      const real = t.report.unmappedNames ?? [];
      const initialled = t.report.unmapped.map((u) => u.initials);
      const notice =
        real.length > 0
          ? ` (initialled in the anonymised chronology; add them to the map if they are people in the case): ${real.join(', ')}`
          : ` were initialled automatically (${initialled.join(', ')}); open the real-names view to see who they are and add them to the map.`;
      fill(
        status,
        h('p', { class: 'body', id: 'timeline-count' }, `${plural(entries.length, 'entry', 'entries')}, ${namesLabels[names()]}.`),
        real.length > 0 || initialled.length > 0
          ? h('div', { class: 'notice notice--warning' }, h('p', {}, h('strong', {}, real.length > 0 ? 'Names found that are not in the map' : `${plural(initialled.length, 'person', 'people')} not in the map`), notice))
          : null,
      );
      drawPage();
      announce(`${plural(entries.length, 'entry', 'entries')} shown.`);
    } catch (err) {
      status.replaceChildren(errorSummary('The chronology could not be loaded', [messageOf(err)]));
      results.replaceChildren();
    }
  };

  const filters = h(
    'form',
    { class: 'filters', novalidate: true },
    h('fieldset', { class: 'fieldset' }, h('legend', { class: 'fieldset__legend' }, 'Names'), ...radios),
    h(
      'fieldset',
      { class: 'fieldset' },
      h('legend', { class: 'fieldset__legend' }, 'Filter entries'),
      h('div', { class: 'inline-fields' }, field('From', from, 'Day first: 01/03/2013, 03/2013 or 2013'), field('To', to, 'Day first: 31/12/2014, 12/2014 or 2014'), field('Victim seen', seen)),
      h('div', { class: 'inline-fields' }, field('Mentions person', person, 'Name or initials'), field('Text contains', q)),
      h('fieldset', { class: 'fieldset fieldset--inner' }, h('legend', { class: 'label' }, 'Agencies (none ticked: all)'), agencyBox),
    ),
    h('div', { class: 'button-group' }, h('button', { type: 'submit', class: 'button button--primary' }, 'Show entries'), button('Clear filters', () => {
      const keep = names();
      filters.reset();
      const radio = container.querySelector<HTMLInputElement>(`#names-${keep}`);
      if (radio) radio.checked = true;
      void load();
    }, 'secondary')),
  );
  filters.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void load();
  });
  for (const r of radios) r.querySelector('input')?.addEventListener('change', () => void load());
  pageSize.addEventListener('change', () => drawPage());

  const dl = (format: 'json' | 'csv' | 'xlsx' | 'docx' | 'pdf') => () => {
    downloadMsg.replaceChildren(h('p', { class: 'hint' }, `Preparing the ${format.toUpperCase()} file…`));
    download(casePath(ctx, `/timeline${query(format)}`), `combined-chronology.${format}`).then(
      (name) => downloadMsg.replaceChildren(notice(`Downloaded ${name} (${namesLabels[names()]}).`, 'success')),
      (err: unknown) => downloadMsg.replaceChildren(errorSummary('The file could not be downloaded', [messageOf(err)])),
    );
  };

  drawAgencies();
  container.replaceChildren(
    h('h1', { class: 'heading-xl', id: 'timeline-title' }, 'Combined chronology'),
    h('p', { class: 'lead' }, 'Every agency’s current chronology, merged in date order. Anonymised unless you choose real names.'),
    filters,
    h('h2', { class: 'heading-l' }, 'Download'),
    h('p', { class: 'body' }, 'Downloads use the names and filters chosen above.'),
    h('div', { class: 'button-group' }, button('Excel (.xlsx)', dl('xlsx'), 'secondary'), button('Word (.docx)', dl('docx'), 'secondary'), button('PDF (panel pack)', dl('pdf'), 'secondary'), button('CSV', dl('csv'), 'secondary'), button('JSON', dl('json'), 'secondary')),
    downloadMsg,
    h('h2', { class: 'heading-l' }, 'Entries'),
    status,
    h('div', { class: 'inline-fields' }, field('Entries per page', pageSize)),
    results,
  );
  await load();
}
