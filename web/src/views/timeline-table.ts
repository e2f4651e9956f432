// Renders one page of the combined chronology as a table, with flags, and the pager that moves between pages.
import { button, h, plural, ukDate } from '../dom.js';
import type { Flag, TimelineEntry } from '../api-types.js';

export const flagText: Record<Flag, string> = {
  'outside-review-period': 'Outside review period',
  'possible-duplicate': 'Possible duplicate',
  'ambiguous-date': 'Date unclear',
};

function seenText(seen: boolean | null): string {
  if (seen === null) return '–';
  return seen ? 'Yes' : 'No';
}

function dateCell(e: TimelineEntry): HTMLElement {
  const precision = e.datePrecision === 'day' ? '' : e.datePrecision === 'month' ? 'month only' : 'year only';
  return h('td', { class: 'nowrap' }, ukDate(e.date), precision ? h('span', { class: 'cell-note' }, precision) : null);
}

function eventCell(e: TimelineEntry): HTMLElement {
  return h(
    'td',
    { class: 'cell-event' },
    h('p', { class: 'cell-text' }, e.event),
    e.outcome ? h('p', { class: 'cell-text' }, h('strong', {}, 'Outcome: '), e.outcome) : null,
    e.comment ? h('p', { class: 'cell-text cell-comment' }, h('strong', {}, 'Comment: '), e.comment) : null,
  );
}

function row(e: TimelineEntry): HTMLTableRowElement {
  const flagged = e.flags.length > 0;
  return h(
    'tr',
    { class: flagged ? 'row--flagged' : '', 'data-entry': e.id },
    dateCell(e),
    h('td', { class: 'nowrap' }, e.time ?? ''),
    h('td', {}, e.agency, h('span', { class: 'cell-note' }, `row ${e.provenance.row}`)),
    h('td', {}, e.source ?? ''),
    h('td', {}, e.professional ?? ''),
    h('td', {}, e.contact ?? ''),
    eventCell(e),
    h('td', {}, seenText(e.seen)),
    h('td', {}, ...e.flags.map((f) => h('strong', { class: `tag tag--flag tag--${f}` }, flagText[f]))),
  );
}

/** The table for entries[start, start+size). */
export function pageTable(entries: TimelineEntry[], start: number, size: number, namesLabel: string): HTMLTableElement {
  const slice = entries.slice(start, start + size);
  const head = ['Date', 'Time', 'Agency', 'Source', 'Professional', 'Contact with', 'Event', 'Seen', 'Flags'];
  return h(
    'table',
    { class: 'table table--timeline' },
    h('caption', { class: 'table__caption' }, `Combined chronology (${namesLabel}), entries ${start + 1} to ${start + slice.length}`),
    h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...slice.map(row)),
  );
}

/** Previous/next and page-jump controls; calls `go` with the new page number (0-based). */
export function pager(page: number, pages: number, total: number, size: number, go: (p: number) => void, place: string): HTMLElement {
  const first = page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  const jump = h('select', { class: 'select select--compact', id: `page-jump-${place}` }, ...Array.from({ length: pages }, (_, i) => h('option', { value: i, ...(i === page ? { selected: true } : {}) }, `Page ${i + 1}`)));
  jump.addEventListener('change', () => go(Number(jump.value)));
  return h(
    'nav',
    { class: 'pager', 'aria-label': `Pages (${place})` },
    button('Previous page', () => go(page - 1), 'secondary', page === 0 ? { disabled: true } : {}),
    h('span', { class: 'pager__status' }, `${first.toLocaleString('en-GB')}–${last.toLocaleString('en-GB')} of ${plural(total, 'entry', 'entries')}`),
    h('label', { for: `page-jump-${place}`, class: 'visually-hidden' }, 'Go to page'),
    pages > 1 ? jump : null,
    button('Next page', () => go(page + 1), 'secondary', page >= pages - 1 ? { disabled: true } : {}),
  );
}
