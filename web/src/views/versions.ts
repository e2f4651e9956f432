// The version history of a case's submissions (authors see their own agency's only).
import { api, messageOf } from '../api.js';
import { casePath, type Ctx } from '../context.js';
import { h, scroller, table, ukDateTime } from '../dom.js';
import type { Submission } from '../api-types.js';
import { versionDiffSection } from './version-diff.js';

export async function loadSubmissions(ctx: Ctx): Promise<Submission[]> {
  const res = await api<{ submissions: Submission[] }>('GET', casePath(ctx, '/chronologies'));
  return res.submissions;
}

export async function renderVersions(ctx: Ctx): Promise<HTMLElement> {
  let list: Submission[];
  try {
    list = await loadSubmissions(ctx);
  } catch (err) {
    return h('div', { class: 'error-summary', role: 'alert' }, h('p', {}, `The version history could not be loaded: ${messageOf(err)}`));
  }
  const heading = h('h2', { class: 'heading-l', id: 'versions' }, 'Version history');
  if (list.length === 0) return h('div', {}, heading, h('p', { class: 'body' }, 'Nothing has been uploaded yet.'));
  const sorted = [...list].sort((a, b) => a.agency.localeCompare(b.agency, 'en-GB') || b.version - a.version);
  const rows = sorted.map((s) => [
    s.agency,
    String(s.version),
    s.current ? h('strong', { class: 'tag tag--green' }, 'Current') : h('span', { class: 'tag tag--grey' }, 'Replaced'),
    s.entries.toLocaleString('en-GB'),
    s.fileName ?? '(sent as JSON)',
    ukDateTime(s.uploadedAt),
  ]);
  return h(
    'div',
    {},
    heading,
    h('p', { class: 'body' }, 'Uploading again replaces the current version; earlier versions are kept for the record.'),
    scroller('Version history', table('Uploads for this case', ['Agency', 'Version', 'Status', 'Entries', 'File', 'Uploaded'], rows, 'table table--versions')),
    versionDiffSection(ctx, list),
  );
}
