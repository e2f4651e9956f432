// Renders an upload's outcome: the table of row errors (422) or the report of a stored chronology.
import { h, plural, scroller, table } from '../dom.js';
import type { RowError, UploadResult } from '../api-types.js';

export const fieldNames: Record<string, string> = {
  date: 'Date',
  time: 'Time',
  source: 'Source of evidence',
  professional: 'Professional',
  contact: 'Contact with',
  event: 'Event',
  outcome: 'Action / outcome',
  seen: 'Victim seen',
  comment: 'Comment',
  agency: 'Agency',
  extra: 'Kept, not recognised',
};

export function renderRowErrors(body: Record<string, unknown>, fileName: string): HTMLElement {
  const errors = Array.isArray(body.errors) ? (body.errors as RowError[]) : [];
  const total = typeof body.totalErrors === 'number' ? body.totalErrors : errors.length;
  const message = typeof body.message === 'string' ? body.message : '';
  const box = h(
    'div',
    { class: 'error-summary', role: 'alert', tabindex: -1, id: 'row-errors' },
    h('h2', { class: 'error-summary__title' }, `${fileName} was not stored: ${plural(total, 'problem')} to fix`),
    message ? h('p', { class: 'body' }, message) : null,
    h('p', { class: 'body' }, 'Row numbers are as you see them in Excel.'),
    total > errors.length ? h('p', { class: 'body' }, `Showing the first ${errors.length.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}.`) : null,
  );
  const rows = errors.map((e) => [String(e.row), e.column, e.value === '' ? h('span', { class: 'muted' }, '(empty)') : h('code', { class: 'cell-value' }, e.value), e.message]);
  const wrap = h('div', { class: 'row-errors' }, box, scroller('Row errors', table('Problems in the file', ['Row', 'Column', 'Value', 'Problem'], rows, 'table table--errors')));
  window.setTimeout(() => box.focus(), 0);
  return wrap;
}

export function renderReport(res: UploadResult, fileName: string): HTMLElement {
  const r = res.report;
  const title = res.dryRun
    ? `${fileName} passed the check: ${plural(res.submission.entries, 'entry', 'entries')} would be stored`
    : `Chronology stored: version ${res.submission.version}, ${plural(res.submission.entries, 'entry', 'entries')}`;
  const mapping = Object.entries(r.mapping).map(([header, fieldKey]) => [header, fieldNames[fieldKey] ?? fieldKey]);
  const warnings = r.warnings.map((w) => [String(w.row), w.column ?? '', w.message]);
  const totalWarnings = r.totalWarnings ?? r.warnings.length;
  return h(
    'div',
    { class: 'report', id: 'upload-report' },
    h('div', { class: 'panel panel--success', role: 'status' }, h('h2', { class: 'panel__title' }, title), h('p', {}, `Agency: ${res.submission.agency}`)),
    h('h3', { class: 'heading-m' }, 'How the file was read'),
    h(
      'dl',
      { class: 'summary-list' },
      h('dt', {}, 'Sheet'),
      h('dd', {}, r.sheet),
      h('dt', {}, 'Header row'),
      h('dd', {}, String(r.headerRow)),
      h('dt', {}, 'Rows stored'),
      h('dd', {}, res.submission.entries.toLocaleString('en-GB')),
    ),
    scroller('Column mapping', table('Columns in your file and what they were read as', ['Column in your file', 'Read as'], mapping, 'table table--narrow')),
    h('h3', { class: 'heading-m' }, 'Columns not recognised'),
    r.unrecognisedColumns.length === 0
      ? h('p', { class: 'body' }, 'None. Every column was recognised.')
      : h('div', {}, h('p', { class: 'body' }, 'These columns were kept as they are but are not part of the standard chronology:'), h('ul', { class: 'list list--bullet' }, ...r.unrecognisedColumns.map((c) => h('li', {}, c)))),
    h('h3', { class: 'heading-m' }, `Warnings (${totalWarnings.toLocaleString('en-GB')})`),
    warnings.length === 0
      ? h('p', { class: 'body' }, 'No warnings.')
      : scroller('Warnings', table('Things to check; the file was accepted', ['Row', 'Column', 'What to check'], warnings)),
  );
}
